package com.monstermart.cdp.pii.vault.kek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The KMS-protected KEK keyset, through Tink's KmsClient interface with the local implementation. */
class KmsEncryptedKeysetKekTest extends KeyEncryptionKeyContractTest {
    @Override
    KeyEncryptionKey open(Path directory, String name) {
        String masterKeyUri = LocalKmsClient.createKey(directory.resolve("kms").resolve("master.json"));
        return KmsKeks.encryptedKeysetFile(directory.resolve(name + ".kek.json"), new LocalKmsClient(), masterKeyUri);
    }

    @Test
    void theFileHoldsNoCleartextKeyAndIsUselessWithoutTheKmsKey() throws Exception {
        KeyEncryptionKey kek = open(directory, "a");
        String content = Files.readString(directory.resolve("a.kek.json"));

        assertThat(kek.id()).matches("kms-keyset:[0-9a-f]{8}");
        assertThat(content).contains("encryptedKeyset").doesNotContain("\"value\"");

        String otherMaster = LocalKmsClient.createKey(directory.resolve("kms").resolve("other.json"));
        assertThatThrownBy(() ->
                        KmsKeks.encryptedKeysetFile(directory.resolve("a.kek.json"), new LocalKmsClient(), otherMaster))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("is it the KMS key that encrypted it?");
    }

    @Test
    void aKeyUriTheClientDoesNotSupportIsRefused() {
        assertThatThrownBy(() -> KmsKeks.direct(new LocalKmsClient(), "gcp-kms://projects/p/locations/l/keyRings/r"))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("does not support key URI gcp-kms://");
    }
}
