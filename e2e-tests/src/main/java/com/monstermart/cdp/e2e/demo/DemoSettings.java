package com.monstermart.cdp.e2e.demo;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * What {@code ./cdp demo} generates and how long it waits for the pipeline.
 *
 * @param customers true persons of the demo world
 * @param days simulated days
 * @param seed the demo world's seed (same seed, same world)
 * @param pipelineTimeout how long to wait for connectors → identity → profile store to catch up
 */
public record DemoSettings(int customers, int days, long seed, Duration pipelineTimeout) {
    public static final int DEFAULT_CUSTOMERS = 1000;
    public static final int DEFAULT_DAYS = 30;
    public static final long DEFAULT_SEED = 42;
    public static final Duration DEFAULT_PIPELINE_TIMEOUT = Duration.ofMinutes(20);

    public DemoSettings {
        if (customers < 1) {
            throw new IllegalArgumentException("customers must be at least 1, not " + customers);
        }
        if (days < 1) {
            throw new IllegalArgumentException("days must be at least 1, not " + days);
        }
        requireNonNull(pipelineTimeout, "pipelineTimeout is null");
    }

    public static DemoSettings defaults() {
        return new DemoSettings(DEFAULT_CUSTOMERS, DEFAULT_DAYS, DEFAULT_SEED, DEFAULT_PIPELINE_TIMEOUT);
    }
}
