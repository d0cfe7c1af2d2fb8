package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

/** The one exception type of ingestion; the message says what failed, the offending value and what to do. */
public final class IngestionException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode code;

    public IngestionException(ErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    public IngestionException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ErrorCode code() {
        return code;
    }

    /** Whether retrying later may succeed (another system was unavailable). */
    public boolean transientFailure() {
        return code.kind() == ErrorCode.Kind.EXTERNAL;
    }
}
