package com.monstermart.cdp.event;

/** Why a raw identifier value has no canonical form. A description never contains the value. */
public enum IdentifierProblem {
    EMPTY("is empty"),
    TOO_LONG("is too long"),
    CONTROL_CHARACTERS("contains control characters"),
    MALFORMED_EMAIL("is not an email address (local@domain.tld)"),
    MALFORMED_PHONE("cannot be parsed as a phone number"),
    INVALID_PHONE("is not a valid phone number for its region"),
    MALFORMED_CARD("is not 4 to 32 letters or digits (spaces, dashes, dots and slashes aside)"),
    MALFORMED_NAMESPACE("has a namespace outside [a-z0-9_.-] (1 to 64 characters)"),
    MISSING_NAMESPACE("needs the namespace of its source (e.g. shop)"),
    GLOBAL_TYPE_NAMESPACE("is global: it has no namespace (leave it out or use 'global')");

    private final String description;

    IdentifierProblem(String description) {
        this.description = description;
    }

    /** A phrase that completes "the email ..."; it never contains the value. */
    public String description() {
        return description;
    }
}
