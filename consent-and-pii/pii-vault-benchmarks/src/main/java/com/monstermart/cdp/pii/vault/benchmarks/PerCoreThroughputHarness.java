package com.monstermart.cdp.pii.vault.benchmarks;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.monstermart.cdp.pii.vault.PiiVaultSettings;
import com.monstermart.cdp.pii.vault.PiiVaults;
import com.monstermart.cdp.pii.vault.TinkPiiVault;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import com.monstermart.cdp.pii.vault.store.InMemorySubjectKeyStore;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Warm field encryption and decryption per CPU-second of the measuring thread: operations divided by the thread's CPU
 * time, which a busy shared machine does not distort the way wall-clock throughput is (time the thread waits for a
 * core is not counted). Same workload as {@link FieldEncryptionBenchmark}'s {@code warm} case and
 * {@link TinkBaselineBenchmark}. Prints a Markdown table of the median of 10 one-CPU-second rounds after 5 warm-up
 * rounds. The last row is the vault without a cache: every call unwraps the subject key.
 */
public final class PerCoreThroughputHarness {
    private static final FieldRef FIELD = FieldRef.of("profiles", "email");
    private static final int SUBJECTS = 1000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static volatile Object sink;

    private PerCoreThroughputHarness() {}

    @FunctionalInterface
    private interface Operation {
        Object run(int i) throws Exception;
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path keys = Files.createTempDirectory("pii-vault-per-core");
        InMemorySubjectKeyStore store = new InMemorySubjectKeyStore();
        try (TinkPiiVault vault = PiiVaults.builder()
                        .keyStore(store)
                        .keyEncryptionKey(LocalKeysetKek.openOrCreate(keys.resolve("kek.json")))
                        .auditor(DecryptionAuditor.discarding())
                        .build();
                TinkPiiVault uncached = PiiVaults.builder()
                        .keyStore(store)
                        .keyEncryptionKey(LocalKeysetKek.openOrCreate(keys.resolve("kek.json")))
                        .auditor(DecryptionAuditor.discarding())
                        .settings(PiiVaultSettings.defaults().withCacheMaximumSubjects(0))
                        .build()) {
            FieldReader reader = vault.reader(AccessContext.of("harness", "per-core"));
            List<SubjectId> subjects = new ArrayList<>();
            for (int i = 0; i < SUBJECTS; i++) {
                subjects.add(SubjectId.of("per-core-" + i));
            }
            vault.createKeys(subjects);
            Aead[] tink = tinkKeys();
            out.println("| operation | 32 B | 256 B | 1 KiB |");
            out.println("|---|---:|---:|---:|");
            List<String> encrypt = new ArrayList<>();
            List<String> decrypt = new ArrayList<>();
            List<String> baseline = new ArrayList<>();
            List<String> cold = new ArrayList<>();
            for (int size : new int[] {32, 256, 1024}) {
                byte[] value = new byte[size];
                new Random(42).nextBytes(value);
                byte[] associatedData = new byte[40];
                byte[][] ciphertexts = new byte[SUBJECTS][];
                for (int i = 0; i < SUBJECTS; i++) {
                    ciphertexts[i] = vault.encrypt(subjects.get(i), FIELD, value);
                }
                encrypt.add(format(measure(i -> vault.encrypt(subjects.get(i % SUBJECTS), FIELD, value))));
                decrypt.add(format(
                        measure(i -> reader.decrypt(subjects.get(i % SUBJECTS), FIELD, ciphertexts[i % SUBJECTS]))));
                baseline.add(format(measure(i -> tink[i % SUBJECTS].encrypt(value, associatedData))));
                cold.add(format(measure(i -> uncached.encrypt(subjects.get(i % SUBJECTS), FIELD, value))));
            }
            out.println("| vault encrypt (warm) | " + String.join(" | ", encrypt) + " |");
            out.println("| vault decrypt (warm) | " + String.join(" | ", decrypt) + " |");
            out.println("| Tink AES-256-GCM encrypt alone | " + String.join(" | ", baseline) + " |");
            out.println("| vault encrypt, no cache (unwrap every call, in-memory store) | " + String.join(" | ", cold)
                    + " |");
        } finally {
            Files.deleteIfExists(keys.resolve("kek.json"));
            Files.deleteIfExists(keys);
        }
    }

    private static Aead[] tinkKeys() throws GeneralSecurityException {
        AesGcmParameters parameters = AesGcmParameters.builder()
                .setKeySizeBytes(32)
                .setIvSizeBytes(12)
                .setTagSizeBytes(16)
                .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                .build();
        Aead[] aeads = new Aead[SUBJECTS];
        for (int i = 0; i < SUBJECTS; i++) {
            aeads[i] = KeysetHandle.generateNew(parameters).getPrimitive(RegistryConfiguration.get(), Aead.class);
        }
        return aeads;
    }

    /** Median operations per CPU-second over 10 rounds of about one CPU-second each, after 5 warm-up rounds. */
    private static double measure(Operation operation) throws Exception {
        double[] rates = new double[10];
        for (int round = -5; round < rates.length; round++) {
            long operations = 0;
            long start = THREADS.getCurrentThreadCpuTime();
            long spent;
            do {
                for (int i = 0; i < 10_000; i++) {
                    sink = operation.run((int) operations++);
                }
                spent = THREADS.getCurrentThreadCpuTime() - start;
            } while (spent < 1_000_000_000L);
            if (round >= 0) {
                rates[round] = operations / (spent / 1e9);
            }
        }
        Arrays.sort(rates);
        return (rates[4] + rates[5]) / 2;
    }

    private static String format(double rate) {
        return String.format(Locale.ROOT, "%,.0f /s", rate);
    }
}
