package com.monstermart.cdp.pii.vault.kek;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What every KEK source must do; one subclass per source. */
abstract class KeyEncryptionKeyContractTest {
    private static final byte[] MATERIAL = new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
    private static final byte[] CONTEXT = "key 1 of subject a".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    /** Opens (creating on first call) the KEK named {@code name} in {@code directory}. */
    abstract KeyEncryptionKey open(Path directory, String name);

    @Test
    void wrapsAndUnwraps() {
        KeyEncryptionKey kek = open(directory, "a");

        byte[] wrapped = kek.wrap(MATERIAL, CONTEXT);

        assertThat(wrapped).isNotEqualTo(MATERIAL);
        assertThat(kek.unwrap(wrapped, CONTEXT)).isEqualTo(MATERIAL);
    }

    @Test
    void reopeningGivesTheSameKeyAndId() {
        KeyEncryptionKey first = open(directory, "a");
        byte[] wrapped = first.wrap(MATERIAL, CONTEXT);

        KeyEncryptionKey again = open(directory, "a");

        assertThat(again.id()).isEqualTo(first.id());
        assertThat(again.unwrap(wrapped, CONTEXT)).isEqualTo(MATERIAL);
    }

    @Test
    void anotherContextOrAnotherKekCannotUnwrap() {
        KeyEncryptionKey kek = open(directory, "a");
        KeyEncryptionKey other = open(directory, "b");
        byte[] wrapped = kek.wrap(MATERIAL, CONTEXT);

        assertThat(other.id()).isNotEqualTo(kek.id());
        assertThatThrownBy(() -> kek.unwrap(wrapped, "key 1 of subject b".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("Cannot unwrap a key with KEK '" + kek.id() + "'")
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.KEK_UNAVAILABLE);
        assertThatThrownBy(() -> other.unwrap(wrapped, CONTEXT))
                .isInstanceOf(PiiVaultException.class)
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.KEK_UNAVAILABLE);
    }
}
