package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.SourceKind;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the running connectors in line with the registry: starts, restarts (with backoff), pauses and stops them as
 * definitions change, without a service restart; marks sources failing when their error rate stays above the
 * threshold or their connector keeps failing, and notifies operators once per episode.
 */
public final class SourceSupervisor implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(SourceSupervisor.class.getName());

    private final SourceStore store;
    private final Map<SourceKind, ConnectorFactory> factories;
    private final SourceLeases leases;
    private final Notifier notifier;
    private final FailurePolicy defaults;
    private final Clock clock;
    private final Map<String, SourceRuntime> runtimes = new ConcurrentHashMap<>();
    private volatile Map<String, SourceRuntime> byWriteKeyHash = Map.of();
    private boolean closed;

    public SourceSupervisor(
            SourceStore store,
            Map<SourceKind, ConnectorFactory> factories,
            SourceLeases leases,
            Notifier notifier,
            FailurePolicy defaults,
            Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.factories = Map.copyOf(factories);
        this.leases = requireNonNull(leases, "leases is null");
        this.notifier = requireNonNull(notifier, "notifier is null");
        this.defaults = requireNonNull(defaults, "defaults is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    public Optional<SourceRuntime> runtime(String id) {
        return Optional.ofNullable(runtimes.get(id));
    }

    public List<SourceRuntime> runtimes() {
        return List.copyOf(runtimes.values());
    }

    /** The HTTP source whose write key has this SHA-256 hash. */
    public Optional<SourceRuntime> byWriteKeyHash(String hash) {
        return Optional.ofNullable(byWriteKeyHash.get(hash));
    }

    /** Brings every source in line with its definition; call periodically and after every change. */
    public synchronized void reconcile() {
        if (closed) {
            return;
        }
        Instant now = clock.instant();
        List<StoredSource> definitions = store.list();
        Set<String> seen = new HashSet<>();
        Map<String, SourceRuntime> keys = new ConcurrentHashMap<>();
        for (StoredSource definition : definitions) {
            seen.add(definition.id());
            SourceRuntime runtime = runtimes.get(definition.id());
            if (runtime == null) {
                runtime = new SourceRuntime(definition, new SourceMetrics(clock, windowOf(definition)));
                define(runtime, definition);
                runtimes.put(definition.id(), runtime);
            } else if (runtime.stored().version() != definition.version()
                    || runtime.stored().desiredState() != definition.desiredState()) {
                boolean redefine = runtime.stored().version() != definition.version()
                        || !runtime.stored().spec().equals(definition.spec());
                if (redefine) {
                    stopConnector(runtime, "its definition changed");
                    define(runtime, definition);
                } else {
                    runtime.define(
                            definition,
                            runtime.compiled().orElse(null),
                            null,
                            windowOf(definition).toSeconds());
                }
            }
            try {
                step(runtime, now);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Supervising source %s failed".formatted(runtime.id()), e);
                runtime.metrics().error("Supervising the source failed: " + e.getMessage());
            }
            evaluateHealth(runtime, now);
            definition.writeKeyHash().ifPresent(hash -> keys.put(hash, runtimes.get(definition.id())));
        }
        byWriteKeyHash = Map.copyOf(keys);
        for (String id : new ArrayList<>(runtimes.keySet())) {
            if (!seen.contains(id)) {
                SourceRuntime removed = runtimes.remove(id);
                stopConnector(removed, "it was deleted");
                releaseLease(removed);
            }
        }
    }

    private Duration windowOf(StoredSource definition) {
        return defaults.with(definition.spec().failure()).window();
    }

    private void define(SourceRuntime runtime, StoredSource definition) {
        long window = windowOf(definition).toSeconds();
        try {
            runtime.define(definition, SourceSpecs.compile(definition.spec()), null, window);
            runtime.restarts(0);
            runtime.nextStart(null);
            runtime.failure(null);
            runtime.state(SourceState.STARTING);
        } catch (IngestionException e) {
            runtime.define(definition, null, e.getMessage(), window);
            runtime.state(SourceState.INVALID);
            LOG.log(Level.WARNING, "Source {0} is invalid: {1}", new Object[] {definition.id(), e.getMessage()});
        }
    }

    private void step(SourceRuntime runtime, Instant now) {
        StoredSource definition = runtime.stored();
        if (runtime.compiled().isEmpty()) {
            runtime.state(SourceState.INVALID);
            return;
        }
        if (definition.desiredState() == DesiredState.PAUSED) {
            stopConnector(runtime, "it was paused");
            releaseLease(runtime);
            runtime.state(SourceState.PAUSED);
            return;
        }
        ConnectorFactory factory = factories.get(definition.spec().kind());
        if (factory == null) {
            runtime.state(SourceState.RUNNING);
            runtime.metrics().caughtUp();
            return;
        }
        if (!leases.acquire(runtime.id())) {
            stopConnector(runtime, "another instance holds its lease");
            runtime.leaseHeld(false);
            runtime.state(SourceState.STANDBY);
            return;
        }
        runtime.leaseHeld(true);
        Throwable failure = runtime.failure();
        if (failure != null && runtime.connector() != null) {
            stopConnector(runtime, "it failed");
            int restarts = runtime.restarts() + 1;
            runtime.restarts(restarts);
            Duration backoff = defaults.backoff(restarts);
            runtime.nextStart(now.plus(backoff));
            String message = describe(failure);
            runtime.metrics().error(message);
            LOG.log(Level.WARNING, "Source {0} failed ({1}); restart {2} in {3}", new Object[] {
                runtime.id(), message, restarts, backoff
            });
        }
        if (runtime.connector() == null) {
            if (runtime.nextStart() != null && now.isBefore(runtime.nextStart())) {
                runtime.state(SourceState.RETRYING);
                return;
            }
            runtime.failure(null);
            SourceConnector connector =
                    factory.create(runtime.compiled().get(), runtime.metrics(), new Listener(runtime));
            runtime.connector(connector);
            runtime.eventsAtLastCheck(runtime.metrics().events());
            try {
                connector.start();
                runtime.state(SourceState.RUNNING);
                LOG.log(Level.INFO, "Source {0} started", runtime.id());
            } catch (RuntimeException e) {
                runtime.failure(e);
                runtime.state(SourceState.RETRYING);
            }
            return;
        }
        if (runtime.metrics().events() > runtime.eventsAtLastCheck()) {
            runtime.restarts(0);
            runtime.eventsAtLastCheck(runtime.metrics().events());
        }
        runtime.state(SourceState.RUNNING);
    }

    private void evaluateHealth(SourceRuntime runtime, Instant now) {
        if (runtime.compiled().isEmpty() || runtime.stored().desiredState() == DesiredState.PAUSED) {
            runtime.unhealthySince(null);
            recovered(runtime, now, "it was paused or redefined");
            return;
        }
        FailurePolicy policy = defaults.with(runtime.stored().spec().failure());
        int seconds = (int) policy.window().toSeconds();
        double rate = runtime.metrics().errorRate(seconds);
        long rows = runtime.metrics().rows(seconds);
        boolean crashing = runtime.restarts() >= policy.restarts();
        boolean unhealthy = crashing || (rows >= policy.minimumRows() && rate >= policy.errorRate());
        if (!unhealthy) {
            runtime.unhealthySince(null);
            recovered(runtime, now, "its error rate is %.0f%% over %s".formatted(rate * 100, policy.window()));
            return;
        }
        if (runtime.unhealthySince() == null) {
            runtime.unhealthySince(now);
        }
        boolean sustained = !now.isBefore(runtime.unhealthySince().plus(policy.sustain()));
        if ((crashing || sustained) && runtime.failingSince() == null) {
            runtime.failingSince(now);
            String message = crashing
                    ? "Source %s failed %d times in a row; last error: %s"
                            .formatted(
                                    runtime.id(),
                                    runtime.restarts(),
                                    runtime.metrics().lastError())
                    : "Source %s rejects %.0f%% of its rows (%d rows over %s, threshold %.0f%%); see cdp.dead-letter.%s"
                            .formatted(
                                    runtime.id(),
                                    rate * 100,
                                    rows,
                                    policy.window(),
                                    policy.errorRate() * 100,
                                    runtime.id());
            LOG.log(Level.WARNING, message);
            notifier.notify(new SourceAlert(runtime.id(), SourceAlert.Kind.FAILING, message, rate, now));
        }
        if (runtime.failingSince() != null) {
            runtime.state(SourceState.FAILING);
        }
    }

    private void recovered(SourceRuntime runtime, Instant now, String why) {
        if (runtime.failingSince() != null) {
            runtime.failingSince(null);
            String message = "Source %s recovered: %s".formatted(runtime.id(), why);
            LOG.log(Level.INFO, message);
            notifier.notify(new SourceAlert(runtime.id(), SourceAlert.Kind.RECOVERED, message, 0, now));
        }
    }

    private void stopConnector(SourceRuntime runtime, String why) {
        SourceConnector connector = runtime.connector();
        if (connector == null) {
            return;
        }
        runtime.connector(null);
        try {
            connector.close();
            LOG.log(Level.INFO, "Source {0} stopped: {1}", new Object[] {runtime.id(), why});
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Stopping source %s failed".formatted(runtime.id()), e);
        }
    }

    private void releaseLease(SourceRuntime runtime) {
        if (runtime.leaseHeld()) {
            leases.release(runtime.id());
            runtime.leaseHeld(false);
        }
    }

    private static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return message.length() > 500 ? message.substring(0, 500) + "..." : message;
    }

    /** Stops every connector. */
    @Override
    public synchronized void close() {
        closed = true;
        for (SourceRuntime runtime : runtimes.values()) {
            stopConnector(runtime, "the service stops");
            releaseLease(runtime);
        }
    }

    private static final class Listener implements SourceConnector.Listener {
        private final SourceRuntime runtime;

        Listener(SourceRuntime runtime) {
            this.runtime = runtime;
        }

        @Override
        public void failed(Throwable cause) {
            runtime.failure(cause);
        }

        @Override
        public void retrying(String message) {
            LOG.log(Level.FINE, "Source {0} retries: {1}", new Object[] {runtime.id(), message});
        }
    }
}
