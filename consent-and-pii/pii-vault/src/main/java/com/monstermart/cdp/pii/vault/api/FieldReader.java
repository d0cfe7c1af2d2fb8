package com.monstermart.cdp.pii.vault.api;

/**
 * Decrypts on behalf of one caller for one purpose (see {@link PiiVault#reader}); every call is reported to the
 * vault's {@link DecryptionAuditor}. Thread-safe.
 */
public interface FieldReader {
    /**
     * Decrypts a binary ciphertext of {@code subject}'s {@code field}.
     *
     * @return the value, or {@link Decrypted.Erased} when the key that made it was shredded
     * @throws PiiVaultException {@link PiiVaultErrorCode#KEY_NOT_IN_SUBJECT_RING} for another subject's ciphertext,
     *     {@link PiiVaultErrorCode#DECRYPTION_FAILED} for another field's or an altered one,
     *     {@link PiiVaultErrorCode#MALFORMED_CIPHERTEXT} for bytes that are not a ciphertext
     */
    Decrypted decrypt(SubjectId subject, FieldRef field, byte[] ciphertext);

    /** Decrypts a text ciphertext ({@code v1.…}); see {@link #decrypt(SubjectId, FieldRef, byte[])}. */
    Decrypted decrypt(SubjectId subject, FieldRef field, String ciphertext);

    AccessContext access();
}
