package com.monstermart.cdp.pii.vault.benchmarks;

import com.monstermart.cdp.pii.vault.PiiVaults;
import com.monstermart.cdp.pii.vault.TinkPiiVault;
import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Measures the key store's size per subject in PostgreSQL: creates N subject keys through the vault (bulk path, same
 * rows as first use), then reads {@code pg_total_relation_size} (heap, indexes, TOAST, free space map) of
 * {@code pii_vault.subject_key}. Then shreds 10% and measures again (tombstones keep their row).
 *
 * <p>Usage: {@code KeyStoreSizeHarness [subjects=1000000]}; prints a Markdown table.
 */
public final class KeyStoreSizeHarness {
    private KeyStoreSizeHarness() {}

    public static void main(String[] args) throws Exception {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println(
                "| subject ids | subjects | subject_key total | heap | indexes | bytes/subject | after shredding 10% |");
        out.println("|---|---:|---:|---:|---:|---:|---:|");
        measure(out, "UUID (36 chars)", count, i -> UUID.nameUUIDFromBytes(
                        Integer.toString(i).getBytes(StandardCharsets.UTF_8))
                .toString());
        measure(out, "p-<12 digits> (14 chars)", count, i -> "p-%012d".formatted(i));
    }

    private static void measure(PrintStream out, String label, int count, IntFunction<String> ids) throws Exception {
        Path keys = Files.createTempDirectory("pii-vault-size");
        try (BenchmarkDatabase database = BenchmarkDatabase.create("pii_bench_size", 2);
                TinkPiiVault vault = PiiVaults.builder()
                        .dataSource(database.dataSource())
                        .keyEncryptionKey(LocalKeysetKek.openOrCreate(keys.resolve("kek.json")))
                        .auditor(DecryptionAuditor.discarding())
                        .build()) {
            long started = System.nanoTime();
            List<SubjectId> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                batch.add(SubjectId.of(ids.apply(i)));
                if (batch.size() == 10_000) {
                    vault.createKeys(batch);
                    batch.clear();
                }
            }
            vault.createKeys(batch);
            double seconds = (System.nanoTime() - started) / 1e9;
            database.execute("VACUUM ANALYZE pii_vault.subject_key");
            long total = database.queryLong("SELECT pg_total_relation_size('pii_vault.subject_key')");
            long heap = database.queryLong("SELECT pg_table_size('pii_vault.subject_key')");
            long indexes = database.queryLong("SELECT pg_indexes_size('pii_vault.subject_key')");
            long rows = database.queryLong("SELECT count(*) FROM pii_vault.subject_key");
            for (int i = 0; i < count / 10; i++) {
                vault.shred(SubjectId.of(ids.apply(i * 10)), ShredRequest.of("harness", "size"));
            }
            database.execute("VACUUM ANALYZE pii_vault.subject_key");
            long afterShred = database.queryLong("SELECT pg_total_relation_size('pii_vault.subject_key')");
            out.printf(
                    Locale.ROOT,
                    "| %s | %,d | %,d B | %,d B | %,d B | **%.1f** | %.1f B/subject |%n",
                    label,
                    rows,
                    total,
                    heap,
                    indexes,
                    (double) total / rows,
                    (double) afterShred / rows);
            out.printf(
                    Locale.ROOT,
                    "<!-- %s: created %,d keys in %.1f s (%.0f keys/s) -->%n",
                    label,
                    rows,
                    seconds,
                    rows / seconds);
        } finally {
            Files.deleteIfExists(keys.resolve("kek.json"));
            Files.deleteIfExists(keys);
        }
    }
}
