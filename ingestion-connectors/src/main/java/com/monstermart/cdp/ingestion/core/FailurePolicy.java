package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * When a source counts as failing, and how failed connectors are restarted.
 *
 * @param errorRate share of failed rows (dead letters and errors) above which a source is unhealthy
 * @param window sliding window of the rate
 * @param minimumRows fewer rows in the window never count as unhealthy
 * @param sustain how long it must stay unhealthy before it is marked failing and operators are notified
 * @param restarts connector restarts in a row that mark it failing at once
 * @param initialBackoff first restart delay (doubles up to {@code maxBackoff})
 * @param maxBackoff longest restart delay
 */
public record FailurePolicy(
        double errorRate,
        Duration window,
        int minimumRows,
        Duration sustain,
        int restarts,
        Duration initialBackoff,
        Duration maxBackoff) {
    public FailurePolicy {
        requireNonNull(window, "window is null");
        requireNonNull(sustain, "sustain is null");
        requireNonNull(initialBackoff, "initialBackoff is null");
        requireNonNull(maxBackoff, "maxBackoff is null");
    }

    /** This policy with a source's overrides. */
    public FailurePolicy with(FailurePolicySpec overrides) {
        if (overrides == null) {
            return this;
        }
        return new FailurePolicy(
                overrides.errorRate() == null ? errorRate : overrides.errorRate(),
                overrides.window() == null ? window : overrides.window(),
                overrides.minimumRows() == null ? minimumRows : overrides.minimumRows(),
                sustain,
                restarts,
                initialBackoff,
                maxBackoff);
    }

    /** The delay before restart number {@code attempt} (1-based). */
    public Duration backoff(int attempt) {
        Duration delay = initialBackoff;
        for (int i = 1; i < attempt && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
