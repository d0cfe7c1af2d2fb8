package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Pushes snapshots of the {@link SalesBoard} to subscribers (the browsers' server-sent event streams): one at
 * subscription, then after every change — at most one per {@code pushInterval}, so a burst of orders costs one
 * snapshot — and a heartbeat when nothing changed (it moves "last hour" on and keeps idle connections open).
 */
public final class LiveSalesFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveSalesFeed.class);

    /** Ends a subscription. */
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private final SalesBoard board;
    private final Supplier<LiveSalesStatus> status;
    private final Duration pushInterval;
    private final Duration heartbeat;
    private final Set<Consumer<LiveSalesSnapshot>> subscribers = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean changed = new AtomicBoolean();
    private final ScheduledExecutorService scheduler;
    private volatile LiveSalesStatus lastStatus;
    private volatile Instant lastPush = Instant.EPOCH;

    public LiveSalesFeed(
            SalesBoard board, Supplier<LiveSalesStatus> status, Duration pushInterval, Duration heartbeat) {
        this.board = requireNonNull(board, "board is null");
        this.status = requireNonNull(status, "status is null");
        this.pushInterval = requireNonNull(pushInterval, "pushInterval is null");
        this.heartbeat = requireNonNull(heartbeat, "heartbeat is null");
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("live-sales-feed").daemon().factory());
        board.onChange(() -> changed.set(true));
        scheduler.scheduleWithFixedDelay(
                this::tick, pushInterval.toMillis(), pushInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The board as it is now. */
    public LiveSalesSnapshot snapshot() {
        return board.snapshot(status.get());
    }

    /** Sends the current snapshot to {@code subscriber} at once, then every pushed one until closed. */
    public Subscription subscribe(Consumer<LiveSalesSnapshot> subscriber) {
        requireNonNull(subscriber, "subscriber is null");
        subscriber.accept(snapshot());
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    public int subscribers() {
        return subscribers.size();
    }

    private void tick() {
        try {
            Instant now = Instant.now();
            LiveSalesStatus current = status.get();
            boolean beat = !now.isBefore(lastPush.plus(heartbeat));
            boolean due = changed.getAndSet(false) || current != lastStatus || beat;
            if (beat) {
                board.purge();
            }
            if (!due) {
                return;
            }
            lastStatus = current;
            lastPush = now;
            if (subscribers.isEmpty()) {
                return;
            }
            LiveSalesSnapshot snapshot = board.snapshot(current);
            for (Consumer<LiveSalesSnapshot> subscriber : subscribers) {
                try {
                    subscriber.accept(snapshot);
                } catch (RuntimeException e) {
                    subscribers.remove(subscriber);
                    LOG.debugf("Dropped a live sales subscriber: %s", e.getMessage());
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Pushing live sales failed");
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        subscribers.clear();
    }
}
