package com.monstermart.cdp.profile.benchmark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Percentiles of measured durations. */
final class Stats {
    private final List<Long> values = new ArrayList<>();

    synchronized void add(long value) {
        values.add(value);
    }

    synchronized long percentile(double fraction) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(fraction * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    synchronized int count() {
        return values.size();
    }

    @Override
    public String toString() {
        return "n=%d p50=%d p90=%d p99=%d max=%d"
                .formatted(count(), percentile(0.5), percentile(0.9), percentile(0.99), percentile(1.0));
    }
}
