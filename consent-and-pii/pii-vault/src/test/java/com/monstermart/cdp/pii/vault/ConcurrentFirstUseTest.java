package com.monstermart.cdp.pii.vault;

import static com.monstermart.cdp.pii.vault.Vaults.EMAIL;
import static com.monstermart.cdp.pii.vault.Vaults.newSubject;
import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.SubjectId;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithCdpStack("postgres")
class ConcurrentFirstUseTest {
    private static final int SUBJECTS = 20;
    private static final int THREADS_PER_VAULT = 4;

    @TempDir
    Path keys;

    @Test
    void concurrentFirstUseInTwoProcessesCreatesExactlyOneKeyPerSubject(CdpStack stack) throws Exception {
        KeyEncryptionKey kek = Vaults.kek(keys, "kek");
        try (TestDatabase database = TestDatabase.migrated(stack, "pii_first_use");
                TinkPiiVault first = Vaults.onDatabase(database, kek).build();
                TinkPiiVault second = Vaults.onDatabase(database, kek).build()) {
            ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_VAULT);
            try {
                for (int round = 0; round < SUBJECTS; round++) {
                    SubjectId subject = newSubject();
                    CountDownLatch start = new CountDownLatch(1);
                    List<Future<String>> ciphertexts = new ArrayList<>();
                    for (int thread = 0; thread < 2 * THREADS_PER_VAULT; thread++) {
                        TinkPiiVault vault = thread % 2 == 0 ? first : second;
                        int value = thread;
                        ciphertexts.add(threads.submit(() -> {
                            start.await();
                            return vault.encryptText(subject, EMAIL, "value " + value);
                        }));
                    }
                    start.countDown();

                    Set<KeyId> keyIds = new HashSet<>();
                    for (int thread = 0; thread < ciphertexts.size(); thread++) {
                        String ciphertext = ciphertexts.get(thread).get();
                        keyIds.add(Ciphertexts.keyId(ciphertext));
                        for (TinkPiiVault vault : List.of(first, second)) {
                            assertThat(vault.reader(AccessContext.of("test", "first-use"))
                                            .decrypt(subject, EMAIL, ciphertext)
                                            .textOr("?"))
                                    .isEqualTo("value " + thread);
                        }
                    }
                    assertThat(keyIds).hasSize(1);
                    assertThat(database.queryLong("SELECT count(*) FROM pii_vault.subject_key WHERE subject_id = '"
                                    + subject.value() + "'"))
                            .isEqualTo(1);
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(database.queryLong("SELECT count(*) FROM pii_vault.subject_key"))
                    .isEqualTo(SUBJECTS);
        }
    }
}
