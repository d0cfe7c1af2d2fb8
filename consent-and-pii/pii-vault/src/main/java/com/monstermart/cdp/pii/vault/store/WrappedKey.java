package com.monstermart.cdp.pii.vault.store;

import static java.util.Objects.requireNonNull;

/**
 * Key material as stored: encrypted by a KEK.
 *
 * @param kekId the KEK that wrapped it
 * @param bytes the KEK's ciphertext
 */
public record WrappedKey(String kekId, byte[] bytes) {
    public WrappedKey {
        requireNonNull(kekId, "kekId is null");
        bytes = requireNonNull(bytes, "bytes is null").clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WrappedKey key && kekId.equals(key.kekId) && java.util.Arrays.equals(bytes, key.bytes);
    }

    @Override
    public int hashCode() {
        return kekId.hashCode() * 31 + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "WrappedKey[" + kekId + ", " + bytes.length + " bytes]";
    }
}
