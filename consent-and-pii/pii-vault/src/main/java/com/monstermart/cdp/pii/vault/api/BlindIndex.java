package com.monstermart.cdp.pii.vault.api;

import static java.util.Objects.requireNonNull;

import java.util.Arrays;
import java.util.Base64;

/**
 * A keyed MAC of a normalised identifier: equal identifiers give equal indexes under the same index key, so it serves
 * equality lookups and joins without plaintext. {@link #text()} is its base64url form (22 characters for 16 bytes).
 */
public record BlindIndex(byte[] bytes) {
    public BlindIndex {
        requireNonNull(bytes, "bytes is null");
        if (bytes.length < 8) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT, "A blind index has at least 8 bytes, got " + bytes.length);
        }
        bytes = bytes.clone();
    }

    public static BlindIndex fromText(String text) {
        requireNonNull(text, "text is null");
        try {
            return new BlindIndex(Base64.getUrlDecoder().decode(text));
        } catch (IllegalArgumentException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT, "A blind index text is base64url without padding");
        }
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Base64url without padding. */
    public String text() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof BlindIndex index && Arrays.equals(bytes, index.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return text();
    }
}
