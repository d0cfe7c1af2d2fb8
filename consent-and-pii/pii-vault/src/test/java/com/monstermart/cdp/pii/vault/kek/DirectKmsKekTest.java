package com.monstermart.cdp.pii.vault.kek;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every wrap and unwrap through Tink's KmsClient interface, with the local implementation. */
class DirectKmsKekTest extends KeyEncryptionKeyContractTest {
    @Override
    KeyEncryptionKey open(Path directory, String name) {
        return KmsKeks.direct(new LocalKmsClient(), LocalKmsClient.createKey(directory.resolve(name + ".kms.json")));
    }

    @Test
    void itsIdIsTheKeyUri() {
        String uri = LocalKmsClient.createKey(directory.resolve("k.json"));

        assertThat(KmsKeks.direct(new LocalKmsClient(), uri).id()).isEqualTo("kms:" + uri);
    }
}
