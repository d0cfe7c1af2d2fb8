package com.monstermart.cdp.pii.vault.benchmarks;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.pii.vault.PiiVaultSettings;
import com.monstermart.cdp.pii.vault.PiiVaults;
import com.monstermart.cdp.pii.vault.TinkPiiVault;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.eviction.KafkaKeyEvictionBus;
import com.monstermart.cdp.pii.vault.eviction.KeyEvictionBus;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * How long a shredded key stays usable in another process: vault A shreds, vault B (own cache, warm, same key store)
 * decrypts the subject's value in a loop until it reads "erased". Once with the Kafka broadcast (B's key event poll
 * off), once with B's key event poll alone (1 s, the default). Prints a Markdown table.
 *
 * <p>Usage: {@code ShredPropagationHarness [shreds=200]}.
 */
public final class ShredPropagationHarness {
    private static final FieldRef FIELD = FieldRef.of("profiles", "email");

    private ShredPropagationHarness() {}

    public static void main(String[] args) throws Exception {
        int shreds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        out.println("| path | shreds | p50 | p95 | max |");
        out.println("|---|---:|---:|---:|---:|");
        run(out, "Kafka broadcast (poll off)", shreds, true);
        run(out, "key event poll alone (1 s)", Math.max(20, shreds / 10), false);
    }

    private static void run(PrintStream out, String label, int shreds, boolean kafka) throws Exception {
        Path keys = Files.createTempDirectory("pii-vault-propagation");
        CdpStack stack = CdpStack.get();
        String bootstrap = stack.require("kafka").kafkaBootstrapServers();
        String topic = stack.createTopic("pii_bench_propagation", 1);
        KeyEncryptionKey kek = LocalKeysetKek.openOrCreate(keys.resolve("kek.json"));
        PiiVaultSettings settings = PiiVaultSettings.defaults().withCacheTimeToLive(Duration.ofHours(1));
        try (BenchmarkDatabase database = BenchmarkDatabase.create("pii_bench_propagation", 4);
                TinkPiiVault shredder = PiiVaults.builder()
                        .dataSource(database.dataSource())
                        .keyEncryptionKey(kek)
                        .evictionBus(bus(kafka, bootstrap, topic))
                        .auditor(DecryptionAuditor.discarding())
                        .build();
                TinkPiiVault elsewhere = PiiVaults.builder()
                        .dataSource(database.dataSource())
                        .keyEncryptionKey(kek)
                        .evictionBus(bus(kafka, bootstrap, topic))
                        .settings(kafka ? settings.withEventPollInterval(Duration.ofHours(1)) : settings)
                        .auditor(DecryptionAuditor.discarding())
                        .build()) {
            FieldReader reader = elsewhere.reader(AccessContext.of("harness", "propagation"));
            double[] millis = new double[shreds];
            for (int i = 0; i < shreds; i++) {
                SubjectId subject = SubjectId.of("propagation-" + i);
                byte[] ciphertext = shredder.encrypt(subject, FIELD, new byte[] {1, 2, 3});
                if (reader.decrypt(subject, FIELD, ciphertext).erased()) {
                    throw new IllegalStateException("Erased before the shred");
                }
                shredder.shred(subject, ShredRequest.of("harness", "propagation"));
                long returned = System.nanoTime();
                while (!reader.decrypt(subject, FIELD, ciphertext).erased()) {
                    Thread.onSpinWait();
                    if (System.nanoTime() - returned > Duration.ofSeconds(30).toNanos()) {
                        throw new IllegalStateException("Not evicted within 30 s");
                    }
                }
                millis[i] = (System.nanoTime() - returned) / 1e6;
            }
            Arrays.sort(millis);
            out.printf(
                    Locale.ROOT,
                    "| %s | %d | %.1f ms | %.1f ms | %.1f ms |%n",
                    label,
                    shreds,
                    millis[shreds / 2],
                    millis[(int) Math.min(shreds - 1, Math.round(shreds * 0.95))],
                    millis[shreds - 1]);
        } finally {
            Files.deleteIfExists(keys.resolve("kek.json"));
            Files.deleteIfExists(keys);
        }
    }

    private static KeyEvictionBus bus(boolean kafka, String bootstrap, String topic) {
        return kafka
                ? new KafkaKeyEvictionBus(bootstrap, topic, Map.of(), Duration.ofSeconds(30))
                : KeyEvictionBus.none();
    }
}
