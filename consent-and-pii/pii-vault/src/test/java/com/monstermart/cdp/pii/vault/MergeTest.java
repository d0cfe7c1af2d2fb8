package com.monstermart.cdp.pii.vault;

import static com.monstermart.cdp.pii.vault.Vaults.EMAIL;
import static com.monstermart.cdp.pii.vault.Vaults.newSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.KeyRingStatus;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithCdpStack("postgres")
class MergeTest {
    private static final AccessContext ACCESS = AccessContext.of("test", "merge-test");

    @TempDir
    static Path keys;

    private static TestDatabase database;
    private static KeyEncryptionKey kek;
    private static TinkPiiVault vault;
    private static FieldReader reader;

    @BeforeAll
    static void start(CdpStack stack) {
        database = TestDatabase.migrated(stack, "pii_merge");
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
    void theSurvivorsRingCoversTheMergedSubjectsKeyAndEachKeepsItsOwn() {
        SubjectId survivor = newSubject();
        SubjectId merged = newSubject();
        String survivorsEmail = vault.encryptText(survivor, EMAIL, "survivor@example.com");
        String mergedEmail = vault.encryptText(merged, EMAIL, "merged@example.com");

        vault.merge(survivor, merged);
        vault.merge(survivor, merged);

        assertThat(reader.decrypt(survivor, EMAIL, mergedEmail).textOr("?")).isEqualTo("merged@example.com");
        assertThat(reader.decrypt(survivor, EMAIL, survivorsEmail).textOr("?")).isEqualTo("survivor@example.com");
        assertThat(reader.decrypt(merged, EMAIL, mergedEmail).textOr("?")).isEqualTo("merged@example.com");
        assertThatThrownBy(() -> reader.decrypt(merged, EMAIL, survivorsEmail))
                .isInstanceOf(PiiVaultException.class)
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.KEY_NOT_IN_SUBJECT_RING);
        assertThat(Ciphertexts.keyId(vault.encryptText(survivor, EMAIL, "new")))
                .isEqualTo(Ciphertexts.keyId(survivorsEmail));
        KeyRingStatus ring = vault.keyRing(survivor);
        assertThat(ring.keys()).extracting(KeyRingStatus.KeyStatus::owner).containsExactly(survivor, merged);
    }

    @Test
    void mergesAreTransitiveAndDoNotLeakToUnrelatedSubjects() {
        SubjectId top = newSubject();
        SubjectId middle = newSubject();
        SubjectId bottom = newSubject();
        String bottomsEmail = vault.encryptText(bottom, EMAIL, "bottom@example.com");
        vault.merge(middle, bottom);
        vault.merge(top, middle);

        assertThat(reader.decrypt(top, EMAIL, bottomsEmail).textOr("?")).isEqualTo("bottom@example.com");
        assertThatThrownBy(() -> reader.decrypt(newSubject(), EMAIL, bottomsEmail))
                .isInstanceOf(PiiVaultException.class)
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.KEY_NOT_IN_SUBJECT_RING);
    }

    @Test
    void aMergeMadeByAnotherProcessIsSeenWithoutWaiting() {
        SubjectId survivor = newSubject();
        SubjectId merged = newSubject();
        vault.encryptText(survivor, EMAIL, "warm the survivor's ring");
        String mergedEmail = vault.encryptText(merged, EMAIL, "merged@example.com");

        try (TinkPiiVault other = Vaults.onDatabase(database, kek).build()) {
            other.merge(survivor, merged);
        }

        assertThat(reader.decrypt(survivor, EMAIL, mergedEmail).textOr("?")).isEqualTo("merged@example.com");
    }

    @Test
    void unmergeKeepsThemApartAgainInEveryProcess() {
        SubjectId survivor = newSubject();
        SubjectId merged = newSubject();
        String mergedEmail = vault.encryptText(merged, EMAIL, "merged@example.com");
        vault.merge(survivor, merged);
        try (TinkPiiVault elsewhere = Vaults.onDatabase(database, kek)
                .settings(PiiVaultSettings.defaults()
                        .withCacheTimeToLive(Duration.ofHours(1))
                        .withEventPollInterval(Duration.ofMillis(200)))
                .build()) {
            FieldReader elsewhereReader = elsewhere.reader(ACCESS);
            assertThat(elsewhereReader.decrypt(survivor, EMAIL, mergedEmail).textOr("?"))
                    .isEqualTo("merged@example.com");

            vault.unmerge(survivor, merged);

            assertThatThrownBy(() -> reader.decrypt(survivor, EMAIL, mergedEmail))
                    .isInstanceOf(PiiVaultException.class)
                    .hasMessageContaining("or a merge that was undone");
            await().atMost(Duration.ofSeconds(5))
                    .pollInterval(Duration.ofMillis(20))
                    .untilAsserted(() -> assertThatThrownBy(() -> elsewhereReader.decrypt(survivor, EMAIL, mergedEmail))
                            .isInstanceOf(PiiVaultException.class)
                            .extracting(e -> ((PiiVaultException) e).code())
                            .isEqualTo(PiiVaultErrorCode.KEY_NOT_IN_SUBJECT_RING));
            assertThat(reader.decrypt(merged, EMAIL, mergedEmail).textOr("?")).isEqualTo("merged@example.com");
        }
    }

    @Test
    void aSubjectCannotBeMergedIntoItself() {
        SubjectId subject = newSubject();

        assertThatThrownBy(() -> vault.merge(subject, subject))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("Cannot merge subject " + subject + " into itself");
    }
}
