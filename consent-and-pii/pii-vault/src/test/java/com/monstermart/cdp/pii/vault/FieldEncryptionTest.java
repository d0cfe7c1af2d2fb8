package com.monstermart.cdp.pii.vault;

import static com.monstermart.cdp.pii.vault.Vaults.EMAIL;
import static com.monstermart.cdp.pii.vault.Vaults.PHONE;
import static com.monstermart.cdp.pii.vault.Vaults.newSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.Decrypted;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithCdpStack("postgres")
class FieldEncryptionTest {
    private static final AccessContext ACCESS = AccessContext.of("test", "field-encryption-test");

    @TempDir
    static Path keys;

    private static TestDatabase database;
    private static KeyEncryptionKey kek;
    private static TinkPiiVault vault;
    private static FieldReader reader;

    @BeforeAll
    static void start(CdpStack stack) {
        database = TestDatabase.migrated(stack, "pii_fields");
        kek = Vaults.kek(keys, "kek");
        vault = Vaults.onDatabase(database, kek).build();
        reader = vault.reader(ACCESS);
    }

    @AfterAll
    static void stop() {
        vault.close();
        database.close();
    }

    @Test
    void bytesAndTextRoundTrip() {
        SubjectId subject = newSubject();
        byte[] bytes = "monster@example.com".getBytes(StandardCharsets.UTF_8);

        byte[] ciphertext = vault.encrypt(subject, EMAIL, bytes);
        String text = vault.encryptText(subject, PHONE, "+61 3 1234 5678 ☎");

        assertThat(((Decrypted.Value) reader.decrypt(subject, EMAIL, ciphertext)).bytes())
                .isEqualTo(bytes);
        assertThat(reader.decrypt(subject, PHONE, text).textOr("[erased]")).isEqualTo("+61 3 1234 5678 ☎");
        assertThat(text).startsWith("v1.");
        assertThat(ciphertext).hasSize(bytes.length + Ciphertexts.OVERHEAD);
    }

    @Test
    void emptyAndLargeValuesRoundTrip() {
        SubjectId subject = newSubject();
        byte[] large = new byte[64 * 1024];
        Arrays.fill(large, (byte) 7);

        assertThat(((Decrypted.Value) reader.decrypt(subject, EMAIL, vault.encrypt(subject, EMAIL, new byte[0])))
                        .bytes())
                .isEmpty();
        assertThat(((Decrypted.Value) reader.decrypt(subject, EMAIL, vault.encrypt(subject, EMAIL, large))).bytes())
                .isEqualTo(large);
    }

    @Test
    void ciphertextNamesTheSubjectsKeyAndIsFreshEachTime() {
        SubjectId subject = newSubject();

        byte[] first = vault.encrypt(subject, EMAIL, new byte[] {1, 2, 3});
        byte[] second = vault.encrypt(subject, EMAIL, new byte[] {1, 2, 3});

        assertThat(first).isNotEqualTo(second);
        assertThat(Ciphertexts.keyId(first))
                .isEqualTo(Ciphertexts.keyId(second))
                .isEqualTo(vault.keyRing(subject).keys().getFirst().keyId());
        assertThat(vault.keyRing(subject).keys()).hasSize(1);
        assertThat(vault.keyRing(subject).keys().getFirst().kekId()).contains(kek.id());
    }

    @Test
    void anotherSubjectCannotDecrypt() {
        SubjectId owner = newSubject();
        SubjectId other = newSubject();
        vault.encryptText(other, EMAIL, "other's value");
        String ciphertext = vault.encryptText(owner, EMAIL, "owner's value");

        assertThatThrownBy(() -> reader.decrypt(other, EMAIL, ciphertext))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("is not in the subject's key ring")
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.KEY_NOT_IN_SUBJECT_RING);
        assertThatThrownBy(() -> reader.decrypt(newSubject(), EMAIL, ciphertext))
                .isInstanceOf(PiiVaultException.class)
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.KEY_NOT_IN_SUBJECT_RING);
    }

    @Test
    void anotherColumnOrTableCannotDecrypt() {
        SubjectId subject = newSubject();
        byte[] ciphertext = vault.encrypt(subject, EMAIL, "value".getBytes(StandardCharsets.UTF_8));

        for (FieldRef elsewhere :
                new FieldRef[] {PHONE, FieldRef.of("orders", "email"), FieldRef.of("profile", "semail")}) {
            assertThatThrownBy(() -> reader.decrypt(subject, elsewhere, ciphertext))
                    .isInstanceOf(PiiVaultException.class)
                    .hasMessageContaining("belongs to another table or column, or was altered")
                    .extracting(e -> ((PiiVaultException) e).code())
                    .isEqualTo(PiiVaultErrorCode.DECRYPTION_FAILED);
        }
    }

    @Test
    void alteredCiphertextsFailClearly() {
        SubjectId subject = newSubject();
        byte[] ciphertext = vault.encrypt(subject, EMAIL, "value".getBytes(StandardCharsets.UTF_8));

        byte[] flippedBody = ciphertext.clone();
        flippedBody[flippedBody.length - 1] ^= 1;
        assertThat(codeOf(subject, flippedBody)).isEqualTo(PiiVaultErrorCode.DECRYPTION_FAILED);

        byte[] flippedKeyId = ciphertext.clone();
        flippedKeyId[3] ^= 1;
        assertThat(codeOf(subject, flippedKeyId)).isEqualTo(PiiVaultErrorCode.KEY_NOT_IN_SUBJECT_RING);

        byte[] version = ciphertext.clone();
        version[0] = 2;
        assertThatThrownBy(() -> reader.decrypt(subject, EMAIL, version))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("format version 2");

        assertThat(codeOf(subject, Arrays.copyOf(ciphertext, 20))).isEqualTo(PiiVaultErrorCode.MALFORMED_CIPHERTEXT);
        assertThatThrownBy(() -> reader.decrypt(subject, EMAIL, "monster@example.com"))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("start with 'v1.'")
                .hasMessageNotContaining("monster@example.com");
    }

    @Test
    void aWrappedKeyCopiedToAnotherSubjectsRowDoesNotUnwrap() {
        SubjectId victim = newSubject();
        SubjectId attacker = newSubject();
        vault.encrypt(victim, EMAIL, new byte[] {1});
        String attackersOwn = vault.encryptText(attacker, EMAIL, "mine");
        database.execute("""
                UPDATE pii_vault.subject_key SET wrapped_key =
                  (SELECT wrapped_key FROM pii_vault.subject_key WHERE subject_id = '%s')
                WHERE subject_id = '%s'
                """.formatted(victim.value(), attacker.value()));

        try (TinkPiiVault fresh = Vaults.onDatabase(database, kek).build()) {
            assertThatThrownBy(() -> fresh.reader(ACCESS).decrypt(attacker, EMAIL, attackersOwn))
                    .isInstanceOf(PiiVaultException.class)
                    .hasMessageContaining("its row was altered")
                    .extracting(e -> ((PiiVaultException) e).code())
                    .isEqualTo(PiiVaultErrorCode.KEK_UNAVAILABLE);
        }
    }

    @Test
    void anotherVaultOnTheSameStoreDecrypts() {
        SubjectId subject = newSubject();
        String ciphertext = vault.encryptText(subject, EMAIL, "shared");

        try (TinkPiiVault other = Vaults.onDatabase(database, kek).build()) {
            assertThat(other.reader(ACCESS).decrypt(subject, EMAIL, ciphertext).textOr("?"))
                    .isEqualTo("shared");
            assertThat(Ciphertexts.keyId(other.encryptText(subject, EMAIL, "again")))
                    .isEqualTo(Ciphertexts.keyId(ciphertext));
        }
    }

    @Test
    void createKeysInBulkSkipsSubjectsThatHaveOne() {
        SubjectId existing = newSubject();
        String before = vault.encryptText(existing, EMAIL, "kept");
        java.util.List<SubjectId> subjects = new java.util.ArrayList<>();
        subjects.add(existing);
        for (int i = 0; i < 2500; i++) {
            subjects.add(newSubject());
        }

        assertThat(vault.createKeys(subjects)).isEqualTo(2500);
        assertThat(vault.createKeys(subjects)).isZero();
        assertThat(reader.decrypt(existing, EMAIL, before).textOr("?")).isEqualTo("kept");
        SubjectId last = subjects.getLast();
        assertThat(reader.decrypt(last, EMAIL, vault.encryptText(last, EMAIL, "x"))
                        .textOr("?"))
                .isEqualTo("x");
    }

    @Test
    void aVaultNeedsTheSchema(CdpStack stack) {
        try (TestDatabase empty = TestDatabase.empty(stack, "pii_noschema")) {
            assertThatThrownBy(() -> Vaults.onDatabase(empty, kek).build())
                    .isInstanceOf(PiiVaultException.class)
                    .hasMessageContaining("The pii_vault schema lacks pii_vault.index_key")
                    .hasMessageContaining("classpath:db/pii-vault")
                    .extracting(e -> ((PiiVaultException) e).code())
                    .isEqualTo(PiiVaultErrorCode.SCHEMA_MISSING);
        }
    }

    private static PiiVaultErrorCode codeOf(SubjectId subject, byte[] ciphertext) {
        try {
            reader.decrypt(subject, EMAIL, ciphertext);
            throw new AssertionError("decrypted an altered ciphertext");
        } catch (PiiVaultException e) {
            return e.code();
        }
    }
}
