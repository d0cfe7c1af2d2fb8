package com.monstermart.cdp.pii.vault.api;

import java.nio.charset.StandardCharsets;

/** Argument checks shared by the API records. */
final class Checks {
    private Checks() {}

    static String text(String value, String name, int maximumBytes) {
        if (value == null) {
            throw new PiiVaultException(PiiVaultErrorCode.INVALID_ARGUMENT, name + " is null");
        }
        if (value.isBlank()) {
            throw new PiiVaultException(PiiVaultErrorCode.INVALID_ARGUMENT, name + " is blank: give a non-empty value");
        }
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length > maximumBytes) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT,
                    "%s is %d bytes long in UTF-8; at most %d are allowed".formatted(name, length, maximumBytes));
        }
        return value;
    }
}
