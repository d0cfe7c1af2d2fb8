package com.monstermart.cdp.profile.core;

/**
 * Every error the profile store reports, with the HTTP status the REST API answers for it.
 *
 * <p>{@link Kind#USER_ERROR}: the caller can fix the request; {@link Kind#EXTERNAL}: a server the store depends on
 * (PostgreSQL, the Iceberg catalog, the PII vault) failed, retrying may help; {@link Kind#INTERNAL}: a bug or
 * corrupt data, retrying will not help.
 */
public enum ProfileStoreErrorCode {
    PROFILE_NOT_FOUND(Kind.USER_ERROR, 404),
    IDENTIFIER_NOT_FOUND(Kind.USER_ERROR, 404),
    TABLE_NOT_FOUND(Kind.USER_ERROR, 404),
    INVALID_REQUEST(Kind.USER_ERROR, 400),
    INVALID_CONFIGURATION(Kind.USER_ERROR, 500),
    UNREADABLE_RECORD(Kind.USER_ERROR, 422),
    HOT_STORE_FAILED(Kind.EXTERNAL, 503),
    ICEBERG_FAILED(Kind.EXTERNAL, 503),
    PII_VAULT_FAILED(Kind.EXTERNAL, 503),
    MAINTENANCE_CONFLICT(Kind.EXTERNAL, 409),
    INTERNAL(Kind.INTERNAL, 500);

    /** Who can fix it. */
    public enum Kind {
        USER_ERROR,
        EXTERNAL,
        INTERNAL
    }

    private final Kind kind;
    private final int httpStatus;

    ProfileStoreErrorCode(Kind kind, int httpStatus) {
        this.kind = kind;
        this.httpStatus = httpStatus;
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return httpStatus;
    }
}
