package com.monstermart.cdp.console.core;

import static java.util.Objects.requireNonNull;

/** A failure the console reports to the browser as {@code {code, message}}; messages never hold personal data. */
public class ConsoleException extends RuntimeException {
    private final ConsoleErrorCode code;

    public ConsoleException(ConsoleErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    public ConsoleException(ConsoleErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code is null");
    }

    public ConsoleErrorCode code() {
        return code;
    }
}
