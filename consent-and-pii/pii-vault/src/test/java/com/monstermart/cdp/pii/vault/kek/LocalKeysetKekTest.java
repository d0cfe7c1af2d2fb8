package com.monstermart.cdp.pii.vault.kek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class LocalKeysetKekTest extends KeyEncryptionKeyContractTest {
    @Override
    KeyEncryptionKey open(Path directory, String name) {
        return LocalKeysetKek.openOrCreate(directory.resolve("keys").resolve(name + ".json"));
    }

    @Test
    void theGeneratedFileIsReadableByItsOwnerOnly() throws Exception {
        Path file = directory.resolve("keys").resolve("kek.json");

        KeyEncryptionKey kek = LocalKeysetKek.openOrCreate(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(kek.id()).matches("local-keyset:[0-9a-f]{8}");
        assertThat(Files.readString(file)).contains("AesGcmKey");
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void aMissingOrBrokenFileFailsWithAdvice() throws Exception {
        Path missing = directory.resolve("missing.json");
        assertThatThrownBy(() -> LocalKeysetKek.open(missing))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("Cannot read key file " + missing.toAbsolutePath());
        Path broken = Files.writeString(directory.resolve("broken.json"), "{}");
        assertThatThrownBy(() -> LocalKeysetKek.open(broken))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("is not a Tink AEAD keyset in JSON")
                .hasMessageContaining("restore it from a backup");
    }
}
