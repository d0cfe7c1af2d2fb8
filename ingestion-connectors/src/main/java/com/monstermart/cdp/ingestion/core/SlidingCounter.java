package com.monstermart.cdp.ingestion.core;

import java.time.Duration;

/** Counts per second over a sliding window (one bucket per second); thread-safe. */
public final class SlidingCounter {
    private final long[] counts;
    private final long[] seconds;

    public SlidingCounter(Duration window) {
        int size = (int) Math.max(1, window.toSeconds());
        this.counts = new long[size];
        this.seconds = new long[size];
    }

    public synchronized void add(long epochSecond, long amount) {
        int index = (int) Math.floorMod(epochSecond, (long) counts.length);
        if (seconds[index] != epochSecond) {
            seconds[index] = epochSecond;
            counts[index] = 0;
        }
        counts[index] += amount;
    }

    /** The total over the last {@code lastSeconds} seconds up to {@code nowSecond} (inclusive). */
    public synchronized long sum(long nowSecond, int lastSeconds) {
        long total = 0;
        int span = Math.min(lastSeconds, counts.length);
        for (int i = 0; i < counts.length; i++) {
            if (seconds[i] > nowSecond - span && seconds[i] <= nowSecond) {
                total += counts[i];
            }
        }
        return total;
    }

    public int windowSeconds() {
        return counts.length;
    }
}
