package com.monstermart.cdp.identity.core.golden;

/** How the golden record picks one value of a trait among those observed. */
public enum SurvivorshipPolicy {
    /** The value from the most trusted source (rule's source order); ties go to the most recent. */
    SOURCE_PRIORITY,
    /** The value observed last by event time (a late event with an older time does not overwrite). */
    MOST_RECENT,
    /** The value observed most often; ties go to the most recent. */
    MOST_FREQUENT
}
