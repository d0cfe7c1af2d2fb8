package com.monstermart.cdp.identity.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Everything the probabilistic matcher needs: what to compare, how to block, which pairs count, thresholds, how
 * links are assigned and how the model is estimated.
 *
 * @param maxBlockSize blocks larger than this are skipped in batch blocking (and capped in incremental lookups)
 * @param vetoFields fields whose disagreement (their last level, "else") makes a pair a non-match whatever else
 *     agrees: two different first names or dates of birth at one address are two people of a household
 */
public record MatchSettings(
        List<Comparison> comparisons,
        List<BlockingRule> blocking,
        CandidatePairs.Scope scope,
        int maxBlockSize,
        MatchThresholds thresholds,
        Assignment assignment,
        ExpectationMaximization.Settings estimation,
        List<String> vetoFields) {
    public MatchSettings {
        vetoFields = List.copyOf(vetoFields);
        comparisons = List.copyOf(comparisons);
        blocking = List.copyOf(blocking);
        requireNonNull(scope, "scope is null");
        requireNonNull(thresholds, "thresholds is null");
        requireNonNull(assignment, "assignment is null");
        requireNonNull(estimation, "estimation is null");
        if (comparisons.isEmpty() || blocking.isEmpty()) {
            throw new IllegalArgumentException("Matching needs at least one comparison and one blocking rule");
        }
    }

    /** How accepted pairs become links. */
    public enum Assignment {
        /** Every pair above the threshold is a link (deduplication: clusters by transitivity). */
        ALL_PAIRS,
        /**
         * Each record links to at most one record of each other source, best pairs first (linking two tables that
         * are each free of duplicates, e.g. FEBRL 4).
         */
        ONE_TO_ONE
    }

    public MatchSettings withThresholds(MatchThresholds newThresholds) {
        return new MatchSettings(
                comparisons, blocking, scope, maxBlockSize, newThresholds, assignment, estimation, vetoFields);
    }

    public MatchSettings withAssignment(Assignment newAssignment) {
        return new MatchSettings(
                comparisons, blocking, scope, maxBlockSize, thresholds, newAssignment, estimation, vetoFields);
    }

    /**
     * Person matching on the CDP's traits ({@code given_name}, {@code family_name}, {@code date_of_birth},
     * {@code address}, {@code postcode}, {@code city}, {@code phone}, {@code email_local}).
     */
    public static MatchSettings personDefaults() {
        return new MatchSettings(
                List.of(
                        Comparison.jaroWinkler("given_name", 0.92, 0.8),
                        Comparison.jaroWinkler("family_name", 0.92, 0.8),
                        Comparison.date("date_of_birth", 366),
                        Comparison.jaroWinkler("address", 0.9, 0.75),
                        Comparison.levenshtein("postcode", 1),
                        Comparison.jaroWinkler("city", 0.9),
                        Comparison.levenshtein("phone", 1),
                        Comparison.jaroWinkler("email_local", 0.9)),
                List.of(
                        BlockingRule.fields("date_of_birth"),
                        BlockingRule.fields("postcode", "family_name"),
                        BlockingRule.soundex("family_name", "given_name"),
                        BlockingRule.fields("phone"),
                        BlockingRule.fields("address", "postcode")),
                CandidatePairs.Scope.ALL_PAIRS,
                500,
                MatchThresholds.defaults(),
                Assignment.ALL_PAIRS,
                ExpectationMaximization.Settings.defaults(),
                List.of("given_name", "date_of_birth"));
    }

    /** The decision for a pair: the thresholds', except that a vetoed disagreement makes it a non-match. */
    public MatchDecision decide(double probability, int[] levels) {
        MatchDecision decision = thresholds.decide(probability);
        if (decision == MatchDecision.NON_MATCH || vetoFields.isEmpty()) {
            return decision;
        }
        for (int c = 0; c < comparisons.size(); c++) {
            Comparison comparison = comparisons.get(c);
            if (levels[c] == comparison.levels() - 1 && vetoFields.contains(comparison.field())) {
                return MatchDecision.NON_MATCH;
            }
        }
        return decision;
    }
}
