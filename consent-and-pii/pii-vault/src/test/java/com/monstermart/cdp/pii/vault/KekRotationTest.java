package com.monstermart.cdp.pii.vault;

import static com.monstermart.cdp.pii.vault.Vaults.EMAIL;
import static com.monstermart.cdp.pii.vault.Vaults.newSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.event.BlindIndexInput;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.BlindIndex;
import com.monstermart.cdp.pii.vault.api.KekRotationReport;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithCdpStack("postgres")
class KekRotationTest {
    private static final AccessContext ACCESS = AccessContext.of("test", "kek-rotation");

    @TempDir
    Path keys;

    @Test
    void rotationRewrapsEveryKeyWithoutTouchingData(CdpStack stack) {
        KeyEncryptionKey oldKek = Vaults.kek(keys, "old");
        KeyEncryptionKey newKek = Vaults.kek(keys, "new");
        try (TestDatabase database = TestDatabase.migrated(stack, "pii_rotation")) {
            Map<SubjectId, String> ciphertexts = new LinkedHashMap<>();
            SubjectId erased = newSubject();
            String erasedEmail;
            BlindIndex index;
            try (TinkPiiVault before = Vaults.onDatabase(database, oldKek).build()) {
                for (int i = 0; i < 50; i++) {
                    SubjectId subject = newSubject();
                    ciphertexts.put(subject, before.encryptText(subject, EMAIL, "person" + i + "@example.com"));
                }
                erasedEmail = before.encryptText(erased, EMAIL, "gone@example.com");
                before.shred(erased, ShredRequest.of("test", "rotation"));
                index = before.blindIndex(new BlindIndexInput("email", "person1@example.com"));
            }

            // The index key is unwrapped at start: a process without the KEK that wrapped it fails fast.
            assertThatThrownBy(() -> Vaults.onDatabase(database, newKek).build())
                    .isInstanceOf(PiiVaultException.class)
                    .hasMessageContaining("wrapped by KEK '" + oldKek.id() + "'")
                    .hasMessageContaining("configure it as a previous KEK")
                    .extracting(e -> ((PiiVaultException) e).code())
                    .isEqualTo(PiiVaultErrorCode.KEK_UNAVAILABLE);

            KekRotationReport report;
            try (TinkPiiVault rotating = Vaults.onDatabase(database, newKek)
                    .previousKeyEncryptionKeys(List.of(oldKek))
                    .build()) {
                report = rotating.rotateKeyEncryptionKey();
                assertThat(rotating.rotateKeyEncryptionKey().subjectKeysRewrapped())
                        .isZero();
            }

            assertThat(report.primaryKekId()).isEqualTo(newKek.id());
            assertThat(report.subjectKeysRewrapped()).isEqualTo(50);
            assertThat(report.indexKeysRewrapped()).isEqualTo(1);
            assertThat(report.retiredKekIds()).containsExactly(oldKek.id());
            assertThat(database.queryLong("""
                            SELECT count(*) FROM pii_vault.subject_key k JOIN pii_vault.kek USING (kek_ref)
                            WHERE kek.kek_id = '%s'""".formatted(newKek.id()))).isEqualTo(50);

            try (TinkPiiVault after = Vaults.onDatabase(database, newKek).build()) {
                List<String> decrypted = new ArrayList<>();
                ciphertexts.forEach((subject, ciphertext) -> decrypted.add(
                        after.reader(ACCESS).decrypt(subject, EMAIL, ciphertext).textOr("?")));
                assertThat(decrypted).hasSize(50).allMatch(text -> text.endsWith("@example.com"));
                assertThat(after.reader(ACCESS)
                                .decrypt(erased, EMAIL, erasedEmail)
                                .erased())
                        .isTrue();
                assertThat(after.blindIndex(new BlindIndexInput("email", "person1@example.com")))
                        .isEqualTo(index);
            }
            assertThatThrownBy(() -> Vaults.onDatabase(database, oldKek).build())
                    .isInstanceOf(PiiVaultException.class)
                    .hasMessageContaining("wrapped by KEK '" + newKek.id() + "'");
        }
    }
}
