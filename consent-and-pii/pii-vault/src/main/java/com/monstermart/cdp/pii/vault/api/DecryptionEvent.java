package com.monstermart.cdp.pii.vault.api;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * One decryption attempt, for the audit log. Holds no plaintext.
 *
 * @param access who and why
 * @param subject the subject the caller decrypted for
 * @param field table and column
 * @param keyId the key named by the ciphertext; empty when the ciphertext could not be parsed
 * @param outcome decrypted, erased or failed
 * @param errorCode why it failed; empty unless {@code outcome} is {@link Outcome#FAILED}
 * @param at when
 */
public record DecryptionEvent(
        AccessContext access,
        SubjectId subject,
        FieldRef field,
        Optional<KeyId> keyId,
        Outcome outcome,
        Optional<PiiVaultErrorCode> errorCode,
        Instant at) {

    public enum Outcome {
        DECRYPTED,
        ERASED,
        FAILED
    }

    public DecryptionEvent {
        requireNonNull(access, "access is null");
        requireNonNull(subject, "subject is null");
        requireNonNull(field, "field is null");
        requireNonNull(keyId, "keyId is null");
        requireNonNull(outcome, "outcome is null");
        requireNonNull(errorCode, "errorCode is null");
        requireNonNull(at, "at is null");
    }
}
