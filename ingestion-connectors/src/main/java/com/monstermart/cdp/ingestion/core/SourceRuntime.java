package com.monstermart.cdp.ingestion.core;

import java.time.Instant;
import java.util.Optional;

/** One source inside the supervisor: its definition, compiled form, metrics, connector and health. */
public final class SourceRuntime {
    private final String id;
    private final SourceMetrics metrics;
    private volatile StoredSource stored;
    private volatile CompiledSource compiled;
    private volatile String invalidReason;
    private volatile SourceConnector connector;
    private volatile Throwable failure;
    private volatile SourceState state = SourceState.STARTING;
    private volatile int restarts;
    private volatile Instant nextStart;
    private volatile Instant unhealthySince;
    private volatile Instant failingSince;
    private volatile long eventsAtLastCheck;
    private volatile boolean leaseHeld;

    SourceRuntime(StoredSource stored, SourceMetrics metrics) {
        this.id = stored.id();
        this.stored = stored;
        this.metrics = metrics;
    }

    public String id() {
        return id;
    }

    public StoredSource stored() {
        return stored;
    }

    /** The compiled definition; empty when it does not compile. */
    public Optional<CompiledSource> compiled() {
        return Optional.ofNullable(compiled);
    }

    public SourceMetrics metrics() {
        return metrics;
    }

    public SourceState state() {
        return state;
    }

    /** Whether an HTTP source takes calls now. */
    public boolean accepting() {
        return compiled != null && stored.desiredState() == DesiredState.ACTIVE && state != SourceState.INVALID;
    }

    public SourceStatus status() {
        StoredSource current = stored;
        return new SourceStatus(
                id,
                current.spec().kind(),
                state,
                current.desiredState(),
                metrics.lagMillis(),
                metrics.lastEventAt(),
                metrics.eventsPerSecond(),
                metrics.events(),
                metrics.deadLetters(),
                metrics.errors(),
                metrics.skipped(),
                metrics.errorRate((int) Math.min(Integer.MAX_VALUE, windowSeconds())),
                invalidReason != null ? invalidReason : metrics.lastError(),
                restarts,
                failingSince,
                current.version());
    }

    private long windowSeconds = 300;

    long windowSeconds() {
        return windowSeconds;
    }

    // ---- supervisor-only mutators (called under the supervisor's lock)

    void define(StoredSource value, CompiledSource compiledValue, String invalid, long window) {
        this.stored = value;
        this.compiled = compiledValue;
        this.invalidReason = invalid;
        this.windowSeconds = window;
    }

    SourceConnector connector() {
        return connector;
    }

    void connector(SourceConnector value) {
        this.connector = value;
    }

    Throwable failure() {
        return failure;
    }

    void failure(Throwable value) {
        this.failure = value;
    }

    void state(SourceState value) {
        this.state = value;
    }

    int restarts() {
        return restarts;
    }

    void restarts(int value) {
        this.restarts = value;
    }

    Instant nextStart() {
        return nextStart;
    }

    void nextStart(Instant value) {
        this.nextStart = value;
    }

    Instant unhealthySince() {
        return unhealthySince;
    }

    void unhealthySince(Instant value) {
        this.unhealthySince = value;
    }

    Instant failingSince() {
        return failingSince;
    }

    void failingSince(Instant value) {
        this.failingSince = value;
    }

    long eventsAtLastCheck() {
        return eventsAtLastCheck;
    }

    void eventsAtLastCheck(long value) {
        this.eventsAtLastCheck = value;
    }

    boolean leaseHeld() {
        return leaseHeld;
    }

    void leaseHeld(boolean value) {
        this.leaseHeld = value;
    }
}
