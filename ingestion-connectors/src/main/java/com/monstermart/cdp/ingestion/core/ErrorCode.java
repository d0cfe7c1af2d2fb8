package com.monstermart.cdp.ingestion.core;

/** What went wrong in ingestion, and whose fault it is (which decides the HTTP status). */
public enum ErrorCode {
    /** A source definition or mapping is invalid. */
    INVALID_SOURCE(Kind.USER),
    /** A request is malformed or breaks a rule (bad JSON, missing field). */
    INVALID_REQUEST(Kind.USER),
    /** No source has that id. */
    SOURCE_NOT_FOUND(Kind.NOT_FOUND),
    /** A source with that id exists already. */
    SOURCE_EXISTS(Kind.CONFLICT),
    /** The operation does not apply to the source's kind or state. */
    UNSUPPORTED_OPERATION(Kind.CONFLICT),
    /** A source system (database, directory, bucket) cannot be reached or refused. */
    SOURCE_UNAVAILABLE(Kind.EXTERNAL),
    /** Kafka refused or timed out. */
    KAFKA_UNAVAILABLE(Kind.EXTERNAL),
    /** The platform database refused. */
    STORAGE_FAILURE(Kind.EXTERNAL),
    /** A bug or an unexpected state. */
    INTERNAL(Kind.INTERNAL);

    /** Whose fault: the caller's, a missing thing, a conflict, another system's, or ours. */
    public enum Kind {
        USER,
        NOT_FOUND,
        CONFLICT,
        EXTERNAL,
        INTERNAL
    }

    private final Kind kind;

    ErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
