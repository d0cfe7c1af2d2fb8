package com.monstermart.cdp.identity.core.identifier;

/** Why a raw identifier or trait value was rejected by normalisation. */
public enum InvalidReason {
    EMPTY("is empty"),
    TOO_LONG("is too long"),
    CONTROL_CHARACTERS("contains control characters"),
    MALFORMED_EMAIL("is not an email address (local@domain.tld)"),
    MALFORMED_PHONE("cannot be parsed as a phone number"),
    INVALID_PHONE("is not a valid phone number for its region"),
    MALFORMED_NAMESPACE("has a namespace outside [a-z0-9_.-]"),
    MALFORMED_CARD("is not 4-32 letters or digits"),
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
