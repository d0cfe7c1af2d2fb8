package com.monstermart.cdp.identity.core.graph;

/** What resolving one observation did. */
public enum ResolutionOutcome {
    /** A new profile was created. */
    CREATED,
    /** The event belongs to an existing profile (new identifiers may have been attached). */
    MATCHED,
    /** The event joined two or more existing profiles. */
    MERGED,
    /** The messageId was resolved before: nothing changed, the earlier profile is returned. */
    DUPLICATE,
    /** The event had no usable identifier (none, or all blocked): no profile. */
    UNRESOLVED
}
