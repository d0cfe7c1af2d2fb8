package com.monstermart.cdp.pii.vault.kek;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.KmsClient;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import java.nio.file.Path;
import java.security.GeneralSecurityException;

/**
 * A {@link KmsClient} whose "KMS keys" are local Tink keyset files: {@code local-kms:///abs/path/key.json}. For
 * development and tests of KMS wiring without a cloud; it protects nothing a file permission does not.
 */
public final class LocalKmsClient implements KmsClient {
    /** Key URI scheme. */
    public static final String PREFIX = "local-kms://";

    @Override
    public boolean doesSupport(String keyUri) {
        return keyUri != null && keyUri.startsWith(PREFIX);
    }

    @Override
    public KmsClient withCredentials(String credentialPath) {
        return this;
    }

    @Override
    public KmsClient withDefaultCredentials() {
        return this;
    }

    @Override
    public Aead getAead(String keyUri) throws GeneralSecurityException {
        if (!doesSupport(keyUri)) {
            throw new GeneralSecurityException("Not a local-kms:// key URI: " + keyUri);
        }
        TinkSetup.register();
        Path file = Path.of(keyUri.substring(PREFIX.length()));
        KeysetHandle handle =
                TinkJsonProtoKeysetFormat.parseKeyset(KeysetFiles.read(file), InsecureSecretKeyAccess.get());
        return handle.getPrimitive(RegistryConfiguration.get(), Aead.class);
    }

    /** Creates a "KMS key" file (0600) unless it exists, and returns its key URI. */
    public static String createKey(Path file) {
        TinkSetup.register();
        if (!file.toFile().exists()) {
            KeysetFiles.createOwnerOnly(file, LocalKeysetKek.generate());
        }
        return PREFIX + file.toAbsolutePath();
    }
}
