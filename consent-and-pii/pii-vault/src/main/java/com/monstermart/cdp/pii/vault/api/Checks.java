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
        int surrogate = loneSurrogate(value);
        if (surrogate >= 0) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT,
                    "%s has a lone UTF-16 surrogate at index %d: give well-formed Unicode text"
                            .formatted(name, surrogate));
        }
        int length = value.getBytes(StandardCharsets.UTF_8).length;
        if (length > maximumBytes) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT,
                    "%s is %d bytes long in UTF-8; at most %d are allowed".formatted(name, length, maximumBytes));
        }
        return value;
    }

    /** The index of the first unpaired surrogate, or -1 when the text is well-formed. */
    static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c)
                        && i + 1 < text.length()
                        && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return i;
                }
            }
        }
        return -1;
    }
}
