package com.monstermart.cdp.identity.core.identifier;

/**
 * Why a raw trait value was rejected by normalisation (identifiers: event-model's {@code IdentifierProblem}).
 */
public enum InvalidReason {
    EMPTY("is empty"),
    TOO_LONG("is too long"),
    MALFORMED_DATE("is not a date (yyyy-MM-dd or yyyyMMdd)"),
    IMPLAUSIBLE_DATE("is not a plausible date of birth (1900 to today)"),
    MALFORMED_POSTCODE("is not 3-10 letters or digits"),
    NO_LETTERS("has no letters");

    private final String description;

    InvalidReason(String description) {
        this.description = description;
    }

    /** A phrase that completes "the email ..."; it never contains the value. */
    public String description() {
        return description;
    }
}
