package com.monstermart.cdp.pii.vault;

import static com.monstermart.cdp.pii.vault.Vaults.EMAIL;
import static com.monstermart.cdp.pii.vault.Vaults.newSubject;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.Decrypted;
import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.KeyRingStatus;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.ShredReceipt;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.api.SubjectMerge;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch paths identity resolution uses per consumer batch: {@code prepareKeys} and {@code mergeAll}. */
@WithCdpStack("postgres")
class BatchKeysAndMergesTest {
    private static final AccessContext ACCESS = AccessContext.of("test", "batch-test");
    private static final ShredRequest REQUEST = ShredRequest.of("privacy-officer:test", "erasure-request:batch");

    @TempDir
    static Path keys;

    private static TestDatabase database;
    private static KeyEncryptionKey kek;
    private static TinkPiiVault vault;
    private static FieldReader reader;

    @BeforeAll
    static void start(CdpStack stack) {
        database = TestDatabase.migrated(stack, "pii_batch");
        kek = Vaults.kek(keys, "kek");
        vault = Vaults.onDatabase(database, kek).build();
        reader = vault.reader(ACCESS);
    }

    @AfterAll
    static void stop() {
        vault.close();
        database.close();
    }

    private static List<SubjectId> subjects(int count) {
        return IntStream.range(0, count).mapToObj(i -> newSubject()).toList();
    }

    private static long keysOf(List<SubjectId> subjects) {
        return database.queryLong("SELECT count(*) FROM pii_vault.subject_key WHERE subject_id IN ("
                + String.join(
                        ",", subjects.stream().map(s -> "'" + s.value() + "'").toList())
                + ")");
    }

    @Test
    void preparingCreatesOneKeyPerSubjectOnceAndKeepsExistingKeys() {
        List<SubjectId> subjects = subjects(50);
        String earlier = vault.encryptText(subjects.getFirst(), EMAIL, "first@example.com");

        int created = vault.prepareKeys(subjects);
        int again = vault.prepareKeys(subjects);

        assertThat(created).isEqualTo(49);
        assertThat(again).isZero();
        assertThat(keysOf(subjects)).isEqualTo(50);
        assertThat(Ciphertexts.keyId(vault.encryptText(subjects.getFirst(), EMAIL, "x")))
                .isEqualTo(Ciphertexts.keyId(earlier));
        for (SubjectId subject : subjects) {
            String ciphertext = vault.encryptText(subject, EMAIL, subject.value() + "@example.com");
            assertThat(reader.decrypt(subject, EMAIL, ciphertext).textOr("?"))
                    .isEqualTo(subject.value() + "@example.com");
        }
    }

    @Test
    void afterPreparingEncryptionNeedsNoKeyStoreRoundTrip() {
        SwitchableKeyStore store = new SwitchableKeyStore();
        try (TinkPiiVault isolated = PiiVaults.builder()
                .keyStore(store)
                .keyEncryptionKey(kek)
                .auditor(DecryptionAuditor.discarding())
                .build()) {
            List<SubjectId> subjects = subjects(20);
            isolated.encryptText(subjects.getFirst(), EMAIL, "has a key already");
            isolated.mergeAll(List.of(SubjectMerge.of(subjects.get(1), subjects.get(2))));

            assertThat(isolated.prepareKeys(subjects)).isEqualTo(19);
            store.fail();

            for (SubjectId subject : subjects) {
                String ciphertext = isolated.encryptText(subject, EMAIL, "value of " + subject);
                assertThat(isolated.reader(ACCESS)
                                .decrypt(subject, EMAIL, ciphertext)
                                .textOr("?"))
                        .isEqualTo("value of " + subject);
            }
            assertThatThrownBy(() -> isolated.encryptText(newSubject(), EMAIL, "not prepared"))
                    .isInstanceOf(PiiVaultException.class)
                    .hasMessageContaining("The test switched the store off");
        }
    }

    @Test
    void concurrentPreparationsInTwoProcessesCreateExactlyOneKeyPerSubject() throws Exception {
        List<SubjectId> subjects = subjects(200);
        try (TinkPiiVault first = Vaults.onDatabase(database, kek).build();
                TinkPiiVault second = Vaults.onDatabase(database, kek).build()) {
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try {
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> created = new ArrayList<>();
                for (int thread = 0; thread < 4; thread++) {
                    TinkPiiVault vault = thread % 2 == 0 ? first : second;
                    // Overlapping subsets in different orders.
                    List<SubjectId> mine = new ArrayList<>(subjects.subList(thread * 25, 100 + thread * 25));
                    if (thread % 2 == 1) {
                        mine = mine.reversed();
                    }
                    List<SubjectId> batch = mine;
                    created.add(threads.submit(() -> {
                        start.await();
                        return vault.prepareKeys(batch);
                    }));
                }
                start.countDown();
                int total = 0;
                for (Future<Integer> future : created) {
                    total += future.get();
                }

                assertThat(total).isEqualTo(175);
            } finally {
                threads.shutdownNow();
            }
            assertThat(keysOf(subjects.subList(0, 175))).isEqualTo(175);
            for (SubjectId subject : subjects.subList(0, 175)) {
                Set<KeyId> keyIds = new HashSet<>();
                for (TinkPiiVault each : List.of(first, second)) {
                    String ciphertext = each.encryptText(subject, EMAIL, "same key");
                    keyIds.add(Ciphertexts.keyId(ciphertext));
                    assertThat(reader.decrypt(subject, EMAIL, ciphertext).textOr("?"))
                            .isEqualTo("same key");
                }
                assertThat(keyIds).as("key ids of %s", subject).hasSize(1);
            }
        }
    }

    @Test
    void anErasedSubjectGetsNoKeyWhenPrepared() {
        SubjectId erased = newSubject();
        SubjectId fine = newSubject();
        vault.shred(erased, REQUEST);

        assertThat(vault.prepareKeys(List.of(erased, fine))).isEqualTo(1);

        assertThatThrownBy(() -> vault.encryptText(erased, EMAIL, "x"))
                .isInstanceOf(PiiVaultException.class)
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.SUBJECT_ERASED);
        assertThat(vault.keyRing(erased).keys()).singleElement().satisfies(key -> assertThat(key.kekId())
                .isEmpty());
    }

    @Test
    void mergingManyPairsAtOnceMakesEachSurvivorsRingCoverItsMergedSubjects() {
        List<SubjectId> s = subjects(6);
        vault.prepareKeys(s);
        List<String> emails = s.stream()
                .map(subject -> vault.encryptText(subject, EMAIL, subject.value() + "@example.com"))
                .toList();
        // s0 <- s1 <- s2 (a chain made in one batch), s3 <- s4; s5 stays alone.
        List<SubjectMerge> merges = List.of(
                SubjectMerge.of(s.get(1), s.get(2)),
                SubjectMerge.of(s.get(0), s.get(1)),
                SubjectMerge.of(s.get(3), s.get(4)));

        assertThat(vault.mergeAll(merges)).isEqualTo(3);
        assertThat(vault.mergeAll(merges)).isZero();

        for (int i : List.of(0, 1, 2)) {
            assertThat(reader.decrypt(s.get(0), EMAIL, emails.get(i)).textOr("?"))
                    .isEqualTo(s.get(i).value() + "@example.com");
        }
        assertThat(reader.decrypt(s.get(3), EMAIL, emails.get(4)).textOr("?"))
                .isEqualTo(s.get(4).value() + "@example.com");
        assertThatThrownBy(() -> reader.decrypt(s.get(3), EMAIL, emails.get(0)))
                .isInstanceOf(PiiVaultException.class)
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.KEY_NOT_IN_SUBJECT_RING);
        assertThatThrownBy(() -> reader.decrypt(s.get(5), EMAIL, emails.get(4)))
                .isInstanceOf(PiiVaultException.class)
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.KEY_NOT_IN_SUBJECT_RING);
        assertThat(vault.keyRing(s.get(0)).keys())
                .extracting(KeyRingStatus.KeyStatus::owner)
                .containsExactlyInAnyOrder(s.get(0), s.get(1), s.get(2));
        assertThat(Ciphertexts.keyId(vault.encryptText(s.get(0), EMAIL, "own key")))
                .isEqualTo(Ciphertexts.keyId(emails.get(0)));
    }

    @Test
    void shreddingASurvivorOfABatchMergeErasesEveryMergedSubjectsData() {
        List<SubjectId> s = subjects(3);
        vault.prepareKeys(s);
        List<String> emails = s.stream()
                .map(subject -> vault.encryptText(subject, EMAIL, "personal"))
                .toList();
        vault.mergeAll(List.of(SubjectMerge.of(s.get(0), s.get(1)), SubjectMerge.of(s.get(1), s.get(2))));

        ShredReceipt receipt = vault.shred(s.get(0), REQUEST);

        assertThat(receipt.destroyedKeyIds()).hasSize(3);
        for (int i = 0; i < 3; i++) {
            assertThat(reader.decrypt(s.get(i), EMAIL, emails.get(i))).isInstanceOf(Decrypted.Erased.class);
        }
        assertThat(vault.prepareKeys(s)).isZero();
    }

    @Test
    void unmergeAfterABatchMergeKeepsThemApart() {
        List<SubjectId> s = subjects(3);
        vault.prepareKeys(s);
        String mergedEmail = vault.encryptText(s.get(1), EMAIL, "merged@example.com");
        vault.mergeAll(List.of(SubjectMerge.of(s.get(0), s.get(1)), SubjectMerge.of(s.get(0), s.get(2))));
        assertThat(reader.decrypt(s.get(0), EMAIL, mergedEmail).textOr("?")).isEqualTo("merged@example.com");

        vault.unmerge(s.get(0), s.get(1));

        assertThatThrownBy(() -> reader.decrypt(s.get(0), EMAIL, mergedEmail))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("or a merge that was undone");
        assertThat(vault.keyRing(s.get(0)).keys())
                .extracting(KeyRingStatus.KeyStatus::owner)
                .containsExactlyInAnyOrder(s.get(0), s.get(2));
        assertThat(reader.decrypt(s.get(1), EMAIL, mergedEmail).textOr("?")).isEqualTo("merged@example.com");
    }

    @Test
    void aSubjectCannotBeMergedIntoItselfInABatch() {
        SubjectId subject = newSubject();

        assertThatThrownBy(() -> vault.mergeAll(List.of(SubjectMerge.of(subject, subject))))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("Cannot merge subject " + subject + " into itself");
        assertThatThrownBy(() -> SubjectMerge.of(subject, null))
                .isInstanceOf(PiiVaultException.class)
                .hasMessage("merged is null");
    }
}
