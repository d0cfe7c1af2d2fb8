package com.monstermart.cdp.identity.core.graph;

/** Where the evidence of a link comes from. */
public enum LinkKind {
    /** Both identifiers arrived in one event. */
    OBSERVED,
    /** The probabilistic matcher scored the two profiles above the auto-merge threshold. */
    PROBABILISTIC,
    /** A person accepted the link (review queue) or asked for it. */
    MANUAL
}
