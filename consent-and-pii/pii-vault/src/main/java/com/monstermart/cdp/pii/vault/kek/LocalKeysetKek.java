package com.monstermart.cdp.pii.vault.kek;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * The embedded default KEK: a Tink AES-256-GCM keyset in a local file (Tink JSON, permissions 0600), generated on first
 * start with a loud warning. Anyone who can read the file can unwrap every key in the store; losing it loses every
 * encrypted value. For production use {@link KmsKeks}.
 */
public final class LocalKeysetKek {
    private static final System.Logger LOG = System.getLogger(LocalKeysetKek.class.getName());

    private LocalKeysetKek() {}

    /** Opens the keyset file, generating it first if it does not exist. */
    public static KeyEncryptionKey openOrCreate(Path file) {
        TinkSetup.register();
        if (!file.toFile().exists()) {
            String keyset = generate();
            if (KeysetFiles.createOwnerOnly(file, keyset)) {
                LOG.log(System.Logger.Level.WARNING, """
                        ************************************************************************
                        GENERATED A NEW LOCAL KEY-ENCRYPTION KEY: {0}
                        It wraps every personal-data key. Anyone who can read this file (and the
                        key store) can decrypt all personal data; if it is lost, all encrypted
                        personal data is lost. Fine for local development only: use a KMS in
                        production (see consent-and-pii/pii-vault/README.md).
                        ************************************************************************""", file.toAbsolutePath());
            }
        }
        return open(file);
    }

    /** Opens an existing keyset file. */
    public static KeyEncryptionKey open(Path file) {
        TinkSetup.register();
        try {
            KeysetHandle handle =
                    TinkJsonProtoKeysetFormat.parseKeyset(KeysetFiles.read(file), InsecureSecretKeyAccess.get());
            return KeyEncryptionKey.fromAead(
                    "local-keyset:%08x".formatted(handle.getPrimary().getId()),
                    handle.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException e) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.KEK_UNAVAILABLE,
                    "Key file %s is not a Tink AEAD keyset in JSON (%s): restore it from a backup"
                            .formatted(file.toAbsolutePath(), e.getMessage()),
                    e);
        }
    }

    static String generate() {
        try {
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new PiiVaultException(PiiVaultErrorCode.INTERNAL, "Cannot generate a Tink AES-256-GCM keyset", e);
        }
    }
}
