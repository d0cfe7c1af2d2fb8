package com.monstermart.cdp.pii.vault.kek;

import com.google.crypto.tink.Aead;

/**
 * The key that wraps every subject key and index key in the key store. Only wrapped keys are ever stored; whoever
 * holds the store without the KEK holds nothing. Implementations are thread-safe.
 *
 * <p>Get one from {@link LocalKeysetKek} (embedded default), {@link KmsKeks#encryptedKeysetFile} (a local KEK keyset
 * that a KMS key protects) or {@link KmsKeks#direct} (every wrap and unwrap is a KMS call).
 */
public interface KeyEncryptionKey {
    /**
     * A stable name recorded with every key it wraps, so that a process can tell which KEK a stored key needs. At most
     * 200 characters; no secrets.
     */
    String id();

    /** Encrypts key material, binding {@code associatedData}. */
    byte[] wrap(byte[] keyMaterial, byte[] associatedData);

    /**
     * Decrypts what {@link #wrap} produced with the same associated data.
     *
     * @throws com.monstermart.cdp.pii.vault.api.PiiVaultException {@code KEK_UNAVAILABLE} when this KEK did not wrap it,
     *     the associated data differ, or the KMS cannot be reached
     */
    byte[] unwrap(byte[] wrapped, byte[] associatedData);

    /** A KEK over any Tink AEAD (a local keyset's or a {@link com.google.crypto.tink.KmsClient}'s). */
    static KeyEncryptionKey fromAead(String id, Aead aead) {
        return new TinkAeadKek(id, aead);
    }
}
