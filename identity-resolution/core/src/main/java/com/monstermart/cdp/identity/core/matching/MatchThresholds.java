package com.monstermart.cdp.identity.core.matching;

/**
 * How a match probability is acted on: at or above {@code autoMerge} the profiles are merged, at or above
 * {@code review} (and below autoMerge) the pair goes to the review queue, below it is a non-match.
 */
public record MatchThresholds(double autoMerge, double review) {
    public MatchThresholds {
        if (!(review > 0 && review <= autoMerge && autoMerge <= 1)) {
            throw new IllegalArgumentException(
                    "Thresholds must satisfy 0 < review <= autoMerge <= 1, got review=%s autoMerge=%s"
                            .formatted(review, autoMerge));
        }
    }

    /** Auto-merge at 0.99, review from 0.80. */
    public static MatchThresholds defaults() {
        return new MatchThresholds(0.99, 0.80);
    }

    public MatchDecision decide(double probability) {
        if (probability >= autoMerge) {
            return MatchDecision.MATCH;
        }
        return probability >= review ? MatchDecision.REVIEW : MatchDecision.NON_MATCH;
    }
}
