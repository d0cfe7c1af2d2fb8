package com.monstermart.cdp.identity.core.matching;

/** What to do with a scored pair. */
public enum MatchDecision {
    /** Merge automatically. */
    MATCH,
    /** Ask a person (review queue). */
    REVIEW,
    /** Leave apart. */
    NON_MATCH
}
