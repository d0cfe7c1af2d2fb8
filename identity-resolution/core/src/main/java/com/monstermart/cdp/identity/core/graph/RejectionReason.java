package com.monstermart.cdp.identity.core.graph;

/** Why a link was not made. */
public enum RejectionReason {
    /** The identifier's value is blocked (placeholder, shared test address...). */
    BLOCKED_VALUE,
    /** The resulting profile would hold more identifiers of a type than its rule allows. */
    LIMIT_EXCEEDED,
    /** The two profiles were split apart by an unmerge or a rejected review: they must stay apart. */
    SEPARATED
}
