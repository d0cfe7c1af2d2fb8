package com.monstermart.cdp.pii.vault.benchmarks;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.pii.vault.PiiVaults;
import com.monstermart.cdp.pii.vault.TinkPiiVault;
import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.ShredReceipt;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.eviction.KafkaKeyEvictionBus;
import com.monstermart.cdp.pii.vault.eviction.KeyEvictionBus;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Latency of {@code shred}: one PostgreSQL transaction (tombstone, ring update, key event under the event lock),
 * local cache eviction and the broadcast send (Kafka, asynchronous) — each call shreds a subject that has a live key
 * and a value encrypted with it (so its key ring is cached, as in a running service).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 2)
@Threads(1)
public class ShredBenchmark {
    private static final int SUBJECTS = 40_000;
    private static final ShredRequest REQUEST = ShredRequest.of("benchmark", "shred latency");

    @Param({"none", "kafka"})
    public String bus;

    private Path keys;
    private BenchmarkDatabase database;
    private TinkPiiVault vault;
    private List<SubjectId> subjects;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        keys = Files.createTempDirectory("pii-vault-bench");
        database = BenchmarkDatabase.create("pii_bench_shred", 4);
        KeyEvictionBus evictionBus = KeyEvictionBus.none();
        if (bus.equals("kafka")) {
            CdpStack stack = CdpStack.get();
            String topic = stack.createTopic("pii_bench_privacy_commands", 1);
            evictionBus = new KafkaKeyEvictionBus(
                    stack.require("kafka").kafkaBootstrapServers(), topic, Map.of(), Duration.ofSeconds(30));
        }
        vault = PiiVaults.builder()
                .dataSource(database.dataSource())
                .keyEncryptionKey(LocalKeysetKek.openOrCreate(keys.resolve("kek.json")))
                .evictionBus(evictionBus)
                .auditor(DecryptionAuditor.discarding())
                .build();
        subjects = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            subjects.add(SubjectId.of("shred-subject-" + i));
        }
        vault.createKeys(subjects);
        database.execute("VACUUM ANALYZE pii_vault.subject_key");
    }

    /** Warms the next subjects' key rings, as a service that just used them would have. */
    @Setup(Level.Iteration)
    public void warmNext() {
        for (int i = next; i < Math.min(subjects.size(), next + 2000); i++) {
            vault.encrypt(subjects.get(i), FieldRef.of("profiles", "email"), new byte[16]);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        vault.close();
        database.close();
        Files.deleteIfExists(keys.resolve("kek.json"));
        Files.deleteIfExists(keys);
    }

    @Benchmark
    public ShredReceipt shred() {
        if (next == subjects.size()) {
            throw new IllegalStateException("Out of prepared subjects: raise SUBJECTS");
        }
        ShredReceipt receipt = vault.shred(subjects.get(next++), REQUEST);
        if (receipt.outcome() != ShredReceipt.Outcome.SHREDDED) {
            throw new IllegalStateException("Expected a live key to shred");
        }
        return receipt;
    }
}
