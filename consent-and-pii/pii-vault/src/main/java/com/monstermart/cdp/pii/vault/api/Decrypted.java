package com.monstermart.cdp.pii.vault.api;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * The result of a decryption: the value, or the clear statement that its subject was erased. A shredded key is never
 * an error and never yields garbage.
 */
public sealed interface Decrypted permits Decrypted.Value, Decrypted.Erased {

    /** Whether the subject's key was shredded (the value is gone for good). */
    boolean erased();

    /** The value as UTF-8 text, or {@code replacement} when erased (for example {@code "[erased]"}). */
    String textOr(String replacement);

    /** The plaintext. {@link #toString()} never shows it. */
    record Value(byte[] bytes) implements Decrypted {
        public Value {
            bytes = requireNonNull(bytes, "bytes is null").clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }

        /** The plaintext as UTF-8 text. */
        public String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        @Override
        public boolean erased() {
            return false;
        }

        @Override
        public String textOr(String replacement) {
            return text();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Value value && Arrays.equals(bytes, value.bytes);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes);
        }

        @Override
        public String toString() {
            return "Value[" + bytes.length + " bytes, redacted]";
        }
    }

    /**
     * The key that made the ciphertext was shredded: the subject was erased.
     *
     * @param keyId the shredded key named by the ciphertext
     * @param shreddedAt when it was shredded
     */
    record Erased(KeyId keyId, Instant shreddedAt) implements Decrypted {
        public Erased {
            requireNonNull(keyId, "keyId is null");
            requireNonNull(shreddedAt, "shreddedAt is null");
        }

        @Override
        public boolean erased() {
            return true;
        }

        @Override
        public String textOr(String replacement) {
            return requireNonNull(replacement, "replacement is null");
        }
    }
}
