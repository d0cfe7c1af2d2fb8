package com.monstermart.cdp.console.core;

/**
 * The console's error codes. Each names its kind, which decides the HTTP status; {@code rest.ConsoleErrorMapper} is
 * the one place that turns them into {@code {code, message}} responses (to be replaced by the platform's shared
 * exception mapper, which takes the same kinds).
 */
public enum ConsoleErrorCode {
    /** The request is malformed or misses a required value. */
    INVALID_REQUEST(Kind.BAD_INPUT),
    /** Revealing personal data needs a stated purpose. */
    PURPOSE_REQUIRED(Kind.BAD_INPUT),
    /** The thing asked for does not exist. */
    NOT_FOUND(Kind.NOT_FOUND),
    /** The signed-in user's roles do not allow it (here or in the service the console asked). */
    FORBIDDEN(Kind.FORBIDDEN),
    /** A platform service did not answer (down, unreachable, timed out). */
    SERVICE_UNAVAILABLE(Kind.UNAVAILABLE),
    /** A platform service answered with an error of its own. */
    SERVICE_FAILED(Kind.UPSTREAM),
    /** The live sales aggregate is not running (yet). */
    LIVE_SALES_UNAVAILABLE(Kind.UNAVAILABLE),
    /** A bug: see the log. */
    INTERNAL(Kind.INTERNAL);

    /** What went wrong, in the terms of the platform's shared error type. */
    public enum Kind {
        BAD_INPUT(400),
        FORBIDDEN(403),
        NOT_FOUND(404),
        INTERNAL(500),
        UPSTREAM(502),
        UNAVAILABLE(503);

        private final int httpStatus;

        Kind(int httpStatus) {
            this.httpStatus = httpStatus;
        }

        public int httpStatus() {
            return httpStatus;
        }
    }

    private final Kind kind;

    ConsoleErrorCode(Kind kind) {
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    public int httpStatus() {
        return kind.httpStatus();
    }
}
