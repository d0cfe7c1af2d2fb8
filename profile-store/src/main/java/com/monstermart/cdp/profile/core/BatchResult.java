package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

/** What a finished batch hands to the hot store, and its counters. */
public record BatchResult(StateChanges stateChanges, BatchCounters counters) {
    public BatchResult {
        requireNonNull(stateChanges, "stateChanges is null");
        requireNonNull(counters, "counters is null");
    }
}
