package com.monstermart.cdp.pii.vault.kek;

import static java.util.Objects.requireNonNull;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * KEKs backed by a KMS through Tink's {@link KmsClient}: Google Cloud KMS ({@code tink-gcpkms}), AWS KMS
 * ({@code tink-awskms}), a client of your own for HashiCorp Vault Transit, or any other implementation. See the
 * module README for how to plug one in.
 */
public final class KmsKeks {
    private static final byte[] ENVELOPE_ASSOCIATED_DATA = "cdp-pii-vault/kek-keyset".getBytes(StandardCharsets.UTF_8);

    private KmsKeks() {}

    /**
     * Every wrap and unwrap is a call to the KMS key {@code keyUri}: the KEK never leaves the KMS, at the price of a
     * network round trip per key load (the vault caches unwrapped keys) and a larger wrapped key (the KMS's ciphertext
     * format). Its id is {@code kms:<keyUri>}.
     */
    public static KeyEncryptionKey direct(KmsClient client, String keyUri) {
        requireNonNull(client, "client is null");
        requireNonNull(keyUri, "keyUri is null");
        TinkSetup.register();
        return KeyEncryptionKey.fromAead("kms:" + keyUri, aead(client, keyUri));
    }

    /**
     * A Tink AES-256-GCM KEK keyset kept in {@code file}, encrypted by the KMS key {@code masterKeyUri} (envelope
     * encryption); generated on first start. The KMS is called once per start, wrapped keys stay compact, and the
     * file is useless without the KMS key. Its id is {@code kms-keyset:<primary key id>}.
     */
    public static KeyEncryptionKey encryptedKeysetFile(Path file, KmsClient client, String masterKeyUri) {
        requireNonNull(file, "file is null");
        requireNonNull(client, "client is null");
        requireNonNull(masterKeyUri, "masterKeyUri is null");
        TinkSetup.register();
        Aead master = aead(client, masterKeyUri);
        if (!file.toFile().exists()) {
            try {
                String encrypted = TinkJsonProtoKeysetFormat.serializeEncryptedKeyset(
                        KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM),
                        master,
                        ENVELOPE_ASSOCIATED_DATA);
                KeysetFiles.createOwnerOnly(file, encrypted);
            } catch (GeneralSecurityException e) {
                throw new PiiVaultException(
                        PiiVaultErrorCode.KEK_UNAVAILABLE,
                        "Cannot create a KEK keyset encrypted by KMS key %s (%s): check the KMS key and credentials"
                                .formatted(masterKeyUri, e.getMessage()),
                        e);
            }
        }
        try {
            KeysetHandle handle = TinkJsonProtoKeysetFormat.parseEncryptedKeyset(
                    KeysetFiles.read(file), master, ENVELOPE_ASSOCIATED_DATA);
            return KeyEncryptionKey.fromAead(
                    "kms-keyset:%08x".formatted(handle.getPrimary().getId()),
                    handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEK_UNAVAILABLE,
                    "Cannot decrypt KEK keyset %s with KMS key %s (%s): is it the KMS key that encrypted it?"
                            .formatted(file.toAbsolutePath(), masterKeyUri, e.getMessage()),
                    e);
        }
    }

    private static Aead aead(KmsClient client, String keyUri) {
        if (!client.doesSupport(keyUri)) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEK_UNAVAILABLE,
                    "KMS client %s does not support key URI %s: check the URI's scheme (gcp-kms://, aws-kms://, local-kms://, ...)"
                            .formatted(client.getClass().getSimpleName(), keyUri));
        }
        try {
            return client.getAead(keyUri);
        } catch (GeneralSecurityException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEK_UNAVAILABLE,
                    "Cannot reach KMS key %s (%s): check the URI and the credentials".formatted(keyUri, e.getMessage()),
                    e);
        }
    }
}
