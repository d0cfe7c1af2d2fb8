package com.monstermart.cdp.pii.vault.benchmarks;

import com.monstermart.cdp.pii.vault.PiiVaultSettings;
import com.monstermart.cdp.pii.vault.PiiVaults;
import com.monstermart.cdp.pii.vault.TinkPiiVault;
import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.api.SubjectMerge;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * What one consumer batch of identity resolution costs in the vault, per path: merges one by one ({@code merge}) or
 * in one statement ({@code mergeAll}); keys of subjects met for the first time by first use ({@code encrypt} creates
 * the key), by {@code createKeys} then encryptions (each encryption reads its ring), or by {@code prepareKeys} then
 * encryptions (rings read back in one query); and {@code prepareKeys} of subjects that have keys (a cold cache).
 *
 * <p>Usage: {@code BatchPathsHarness [rounds=7] [batch sizes=1,100,500,2000]}; prints a Markdown table of the median
 * time per batch and per subject (or merge), on the local stack's PostgreSQL.
 */
public final class BatchPathsHarness {
    private static final FieldRef FIELD = FieldRef.of("cdp.resolved.events", "traits.email");
    private static final AtomicLong SUBJECTS = new AtomicLong();

    private BatchPathsHarness() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int[] sizes = args.length > 1
                ? Arrays.stream(args[1].split(",")).mapToInt(Integer::parseInt).toArray()
                : new int[] {1, 100, 500, 2000};
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path keys = Files.createTempDirectory("pii-vault-batch");
        try (BenchmarkDatabase database = BenchmarkDatabase.create("pii_bench_batch", 4);
                TinkPiiVault vault = PiiVaults.builder()
                        .dataSource(database.dataSource())
                        .keyEncryptionKey(LocalKeysetKek.openOrCreate(keys.resolve("kek.json")))
                        .auditor(DecryptionAuditor.discarding())
                        // no cache: every call meets its subjects cold, as a new process or after the TTL would
                        .settings(PiiVaultSettings.defaults().withCacheMaximumSubjects(0))
                        .build();
                TinkPiiVault cached = PiiVaults.builder()
                        .dataSource(database.dataSource())
                        .keyEncryptionKey(LocalKeysetKek.openOrCreate(keys.resolve("kek.json")))
                        .auditor(DecryptionAuditor.discarding())
                        .build()) {
            out.println("| path | batch | median per batch | per subject or merge |");
            out.println("|---|---:|---:|---:|");
            for (int size : sizes) {
                measure(out, "merge, one statement per pair", 2 * size, size, rounds, batch -> {
                    for (int i = 0; i + 1 < batch.size(); i += 2) {
                        vault.merge(batch.get(i), batch.get(i + 1));
                    }
                });
                measure(out, "mergeAll, one statement", 2 * size, size, rounds, batch -> {
                    List<SubjectMerge> merges = new ArrayList<>();
                    for (int i = 0; i + 1 < batch.size(); i += 2) {
                        merges.add(SubjectMerge.of(batch.get(i), batch.get(i + 1)));
                    }
                    vault.mergeAll(merges);
                });
                measure(out, "new subjects: first use (encrypt creates the key)", size, size, rounds, batch -> {
                    for (SubjectId subject : batch) {
                        cached.encryptText(subject, FIELD, "someone@example.com");
                    }
                });
                measure(out, "new subjects: createKeys, then encrypt", size, size, rounds, batch -> {
                    cached.createKeys(batch);
                    for (SubjectId subject : batch) {
                        cached.encryptText(subject, FIELD, "someone@example.com");
                    }
                });
                measure(out, "new subjects: prepareKeys, then encrypt", size, size, rounds, batch -> {
                    cached.prepareKeys(batch);
                    for (SubjectId subject : batch) {
                        cached.encryptText(subject, FIELD, "someone@example.com");
                    }
                });
                List<List<SubjectId>> existing = new ArrayList<>();
                for (int round = 0; round < rounds + 1; round++) {
                    List<SubjectId> batch = subjects(size);
                    vault.createKeys(batch);
                    existing.add(batch);
                }
                int[] next = {0};
                measure(out, "subjects with keys, cold cache: prepareKeys", size, size, rounds, ignored -> {
                    // the vault without a cache reads the rings every time: what a batch of known subjects costs
                    vault.prepareKeys(existing.get(next[0]++));
                });
            }
        }
    }

    private static List<SubjectId> subjects(int count) {
        List<SubjectId> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(SubjectId.of("batch-" + SUBJECTS.incrementAndGet()));
        }
        return out;
    }

    /**
     * Median over {@code rounds} (after one warm-up round) of one call of {@code work} on {@code subjects} fresh
     * subjects; reported per batch and per unit (subject or merge).
     */
    private static void measure(
            PrintStream out, String path, int subjects, int units, int rounds, Consumer<List<SubjectId>> work) {
        long[] nanos = new long[rounds];
        for (int round = -1; round < rounds; round++) {
            List<SubjectId> batch = subjects(subjects);
            long started = System.nanoTime();
            work.accept(batch);
            if (round >= 0) {
                nanos[round] = System.nanoTime() - started;
            }
        }
        Arrays.sort(nanos);
        double median = nanos[rounds / 2] / 1e6;
        out.printf("| %s | %d | %.2f ms | %.1f µs |%n", path, units, median, median * 1000 / units);
    }
}
