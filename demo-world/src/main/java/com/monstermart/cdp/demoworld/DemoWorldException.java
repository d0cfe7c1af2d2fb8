package com.monstermart.cdp.demoworld;

import static java.util.Objects.requireNonNull;

/** The one exception type of the demo world; the message says what failed and what to do. */
public final class DemoWorldException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final DemoWorldErrorCode code;

    public DemoWorldException(DemoWorldErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    public DemoWorldException(DemoWorldErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code is null");
    }

    public DemoWorldErrorCode code() {
        return code;
    }
}
