package com.monstermart.cdp.identity.core;

/** What went wrong in identity resolution, and whose fault it is. */
public enum IdentityErrorCode {
    /** An identifier value is malformed or not allowed; the message names the reason, never the value. */
    INVALID_IDENTIFIER(Kind.USER),
    /** A rules document cannot be parsed or holds an impossible setting. */
    INVALID_RULES(Kind.USER),
    /** A request names a profile that does not exist. */
    PROFILE_NOT_FOUND(Kind.USER),
    /** A request names an identifier that is not in the graph. */
    IDENTIFIER_NOT_FOUND(Kind.USER),
    /** A request is well-formed but cannot be carried out on the current graph (e.g. split a one-identifier profile). */
    INVALID_REQUEST(Kind.USER),
    /** A review item does not exist or was already decided. */
    REVIEW_ITEM_NOT_FOUND(Kind.USER),
    /** The matching model cannot be estimated or applied (e.g. no candidate pairs). */
    MATCHING_FAILED(Kind.INTERNAL),
    /** The identity store (PostgreSQL) failed or kept conflicting after all retries. */
    STORE_FAILURE(Kind.EXTERNAL);

    /** Whose fault an error is: it picks the HTTP status family in the service. */
    public enum Kind {
        USER,
        EXTERNAL,
        INTERNAL
    }

    private final Kind kind;

    IdentityErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
