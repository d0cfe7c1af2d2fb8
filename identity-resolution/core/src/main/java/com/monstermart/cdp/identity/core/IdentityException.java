package com.monstermart.cdp.identity.core;

import static java.util.Objects.requireNonNull;

/** The one exception type of identity resolution; its message never contains personal data. */
public class IdentityException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final IdentityErrorCode code;

    public IdentityException(IdentityErrorCode code, String message) {
        super(message);
        this.code = requireNonNull(code, "code is null");
    }

    public IdentityException(IdentityErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = requireNonNull(code, "code is null");
    }

    public IdentityErrorCode code() {
        return code;
    }
}
