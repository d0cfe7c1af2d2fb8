package com.monstermart.cdp.localstack;

/**
 * A stack operation failed in a way the user can act on: the message says what failed and what to do. It
 * never carries a stack trace to the terminal.
 */
public class StackException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
