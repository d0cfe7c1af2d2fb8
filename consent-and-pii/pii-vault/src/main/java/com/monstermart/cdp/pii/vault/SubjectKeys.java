package com.monstermart.cdp.pii.vault;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.util.SecretBytes;
import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

/**
 * Subject keys: a one-key Tink AEAD keyset (AES-256-GCM, 12-byte nonce, 16-byte tag, no Tink output prefix: the
 * vault's own header names the key). What is wrapped and stored is only {@code 0x01 | 32 key bytes}; the keyset around
 * them is always the same and is rebuilt from these parameters, which keeps a stored key at 66 bytes instead of 144
 * for Tink's binary encrypted keyset.
 */
final class SubjectKeys {
    static final byte MATERIAL_AES256_GCM = 1;
    static final int KEY_BYTES = 32;

    private static final byte[] WRAP_CONTEXT = "cdp-pii-vault/subject-key/v1".getBytes(StandardCharsets.UTF_8);
    private static final AesGcmParameters PARAMETERS;

    static {
        try {
            PARAMETERS = AesGcmParameters.builder()
                    .setKeySizeBytes(KEY_BYTES)
                    .setIvSizeBytes(12)
                    .setTagSizeBytes(16)
                    .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                    .build();
        } catch (GeneralSecurityException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private SubjectKeys() {}

    /** New key material, wrapped by {@code kek} for {@code keyId} of {@code subject}. */
    static byte[] generateWrapped(KeyEncryptionKey kek, KeyId keyId, SubjectId subject) {
        byte[] material = new byte[1 + KEY_BYTES];
        material[0] = MATERIAL_AES256_GCM;
        byte[] key = SecretBytes.randomBytes(KEY_BYTES).toByteArray(InsecureSecretKeyAccess.get());
        System.arraycopy(key, 0, material, 1, KEY_BYTES);
        Arrays.fill(key, (byte) 0);
        try {
            return kek.wrap(material, wrapAssociatedData(keyId, subject));
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Unwraps a stored key and builds its AEAD. */
    static Aead unwrap(KeyEncryptionKey kek, byte[] wrapped, KeyId keyId, SubjectId subject) {
        byte[] material = kek.unwrap(wrapped, wrapAssociatedData(keyId, subject));
        try {
            if (material.length != 1 + KEY_BYTES || material[0] != MATERIAL_AES256_GCM) {
                throw new PiiVaultException(
                        PiiVaultErrorCode.INTERNAL,
                        "Stored key %s has an unknown material format; was it written by a newer cdp-pii-vault?"
                                .formatted(keyId));
            }
            AesGcmKey key = AesGcmKey.builder()
                    .setParameters(PARAMETERS)
                    .setKeyBytes(SecretBytes.copyFrom(
                            Arrays.copyOfRange(material, 1, material.length), InsecureSecretKeyAccess.get()))
                    .build();
            KeysetHandle handle = KeysetHandle.newBuilder()
                    .addEntry(KeysetHandle.importKey(key)
                            .withFixedId((int) keyId.value())
                            .makePrimary())
                    .build();
            return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (GeneralSecurityException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INTERNAL, "Cannot build the AEAD of stored key %s".formatted(keyId), e);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Re-wraps a stored key under another KEK (KEK rotation); the key itself does not change. */
    static byte[] rewrap(KeyEncryptionKey from, KeyEncryptionKey to, byte[] wrapped, KeyId keyId, SubjectId subject) {
        byte[] associatedData = wrapAssociatedData(keyId, subject);
        byte[] material = from.unwrap(wrapped, associatedData);
        try {
            return to.wrap(material, associatedData);
        } finally {
            Arrays.fill(material, (byte) 0);
        }
    }

    /** Binds a wrapped key to its row: a wrapped key copied to another subject's row does not unwrap. */
    static byte[] wrapAssociatedData(KeyId keyId, SubjectId subject) {
        byte[] subjectBytes = subject.value().getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(WRAP_CONTEXT.length + 8 + subjectBytes.length)
                .put(WRAP_CONTEXT)
                .putLong(keyId.value())
                .put(subjectBytes)
                .array();
    }
}
