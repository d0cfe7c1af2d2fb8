package com.monstermart.cdp.pii.vault.api;

import static java.util.Objects.requireNonNull;

/**
 * The one exception of the vault. Messages say what failed, the offending value when it is not personal data, and
 * what to do; they never contain plaintext, key material or identifiers' values.
 */
public final class PiiVaultException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final PiiVaultErrorCode code;

    public PiiVaultException(PiiVaultErrorCode code, String message) {
        super(requireNonNull(message, "message is null"));
        this.code = requireNonNull(code, "code is null");
    }

    public PiiVaultException(PiiVaultErrorCode code, String message, Throwable cause) {
        super(requireNonNull(message, "message is null"), cause);
        this.code = requireNonNull(code, "code is null");
    }

    public PiiVaultErrorCode code() {
        return code;
    }
}
