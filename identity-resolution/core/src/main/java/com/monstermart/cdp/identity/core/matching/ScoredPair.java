package com.monstermart.cdp.identity.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.List;

/** A scored candidate pair: match probability and weight, and the per-field evidence behind them. */
public record ScoredPair(String leftId, String rightId, double probability, double weight, List<Evidence> evidence) {
    public ScoredPair {
        requireNonNull(leftId, "leftId is null");
        requireNonNull(rightId, "rightId is null");
        evidence = List.copyOf(evidence);
    }

    /** One field's contribution: its agreement level and the log2 Bayes factor it adds. */
    public record Evidence(String field, String level, double weight) {
        public Evidence {
            requireNonNull(field, "field is null");
            requireNonNull(level, "level is null");
        }
    }
}
