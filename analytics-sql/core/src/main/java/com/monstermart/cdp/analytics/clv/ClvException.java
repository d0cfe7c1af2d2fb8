package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

/**
 * The one exception type of the lifetime-value models; the message says what failed, the offending value (never a
 * customer's personal data) and what to do.
 */
public final class ClvException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ClvErrorCode code;

    public ClvException(ClvErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    public ClvException(ClvErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ClvErrorCode code() {
        return code;
    }

    static ClvException invalid(String format, Object... arguments) {
        return new ClvException(ClvErrorCode.INVALID_INPUT, format.formatted(arguments));
    }
}
