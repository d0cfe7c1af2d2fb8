package com.monstermart.cdp.ingestion.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of one source: events, dead letters, errors, skipped rows, rates over a sliding window, the last event
 * and the lag. Thread-safe; no framework (the service exports them to Prometheus).
 */
public final class SourceMetrics {
    /** Seconds over which events/s is measured. */
    public static final int RATE_SECONDS = 10;

    private final Clock clock;
    private final LongAdder events = new LongAdder();
    private final LongAdder deadLetters = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder skipped = new LongAdder();
    private final SlidingCounter eventWindow;
    private final SlidingCounter failureWindow;
    private final AtomicReference<Instant> lastEventAt = new AtomicReference<>();
    private final AtomicLong lagMillis = new AtomicLong(-1);
    private final AtomicReference<String> lastError = new AtomicReference<>();

    public SourceMetrics(Clock clock, Duration window) {
        this.clock = clock;
        Duration span =
                window.compareTo(Duration.ofSeconds(RATE_SECONDS)) < 0 ? Duration.ofSeconds(RATE_SECONDS) : window;
        this.eventWindow = new SlidingCounter(span);
        this.failureWindow = new SlidingCounter(span);
    }

    /** Events written to Kafka; {@code newest} is the source time of the newest one (for the lag), if known. */
    public void eventsWritten(int count, Instant newest) {
        if (count == 0) {
            return;
        }
        Instant now = clock.instant();
        events.add(count);
        eventWindow.add(now.getEpochSecond(), count);
        lastEventAt.set(now);
        if (newest != null) {
            lagMillis.set(Math.max(0, Duration.between(newest, now).toMillis()));
        }
    }

    /** Rows or calls sent to the dead letters. */
    public void deadLettered(int count) {
        if (count == 0) {
            return;
        }
        deadLetters.add(count);
        failureWindow.add(clock.instant().getEpochSecond(), count);
    }

    /** A failure that is not a bad row (connection lost, Kafka timeout); the message never holds personal data. */
    public void error(String message) {
        errors.increment();
        failureWindow.add(clock.instant().getEpochSecond(), 1);
        lastError.set(message);
    }

    /** Rows that no rule turned into an event. */
    public void skipped(int count) {
        skipped.add(count);
        eventWindow.add(clock.instant().getEpochSecond(), 0);
    }

    /** The lag is known to be zero (a source that caught up, or one that pushes). */
    public void caughtUp() {
        lagMillis.set(0);
    }

    /** How far behind the source the connector is, as the connector measures it. */
    public void lag(Duration lag) {
        lagMillis.set(Math.max(0, lag.toMillis()));
    }

    public long events() {
        return events.sum();
    }

    public long deadLetters() {
        return deadLetters.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public long skipped() {
        return skipped.sum();
    }

    public Instant lastEventAt() {
        return lastEventAt.get();
    }

    /** Milliseconds between the newest event's source time and its writing; -1 when unknown. */
    public long lagMillis() {
        return lagMillis.get();
    }

    public String lastError() {
        return lastError.get();
    }

    public double eventsPerSecond() {
        return eventWindow.sum(clock.instant().getEpochSecond() - 1, RATE_SECONDS) / (double) RATE_SECONDS;
    }

    /** Failed rows and errors divided by all rows over the last {@code seconds}; 0 when nothing happened. */
    public double errorRate(int seconds) {
        long now = clock.instant().getEpochSecond();
        long failed = failureWindow.sum(now, seconds);
        long good = eventWindow.sum(now, seconds);
        return failed + good == 0 ? 0 : failed / (double) (failed + good);
    }

    /** Rows (good and failed) over the last {@code seconds}. */
    public long rows(int seconds) {
        long now = clock.instant().getEpochSecond();
        return failureWindow.sum(now, seconds) + eventWindow.sum(now, seconds);
    }
}
