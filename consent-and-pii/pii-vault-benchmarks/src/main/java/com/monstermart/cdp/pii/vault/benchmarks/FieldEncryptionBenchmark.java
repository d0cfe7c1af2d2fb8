package com.monstermart.cdp.pii.vault.benchmarks;

import com.monstermart.cdp.pii.vault.PiiVaultSettings;
import com.monstermart.cdp.pii.vault.PiiVaults;
import com.monstermart.cdp.pii.vault.TinkPiiVault;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Decrypted;
import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import com.monstermart.cdp.pii.vault.store.InMemorySubjectKeyStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
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
 * Field encryption and decryption of 32 B, 256 B and 1 KiB values, one thread (= per core):
 *
 * <ul>
 *   <li>{@code warm}: the subjects' unwrapped keys are cached (1,000 subjects in rotation);
 *   <li>{@code cold-memory}: no cache, in-memory key store: every call unwraps the subject key (KEK AES-GCM + Tink
 *       keyset), the cost a cache miss adds besides the store;
 *   <li>{@code cold-postgres}: no cache, PostgreSQL key store on the local stack: every call reads the key ring
 *       (pooled connection) and unwraps.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class FieldEncryptionBenchmark {
    private static final FieldRef FIELD = FieldRef.of("profiles", "email");
    private static final int SUBJECTS = 1000;

    @Param({"32", "256", "1024"})
    public int size;

    @Param({"warm", "cold-memory", "cold-postgres"})
    public String cache;

    private Path keys;
    private BenchmarkDatabase database;
    private TinkPiiVault vault;
    private FieldReader reader;
    private SubjectId[] subjects;
    private byte[][] ciphertexts;
    private byte[] value;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        keys = Files.createTempDirectory("pii-vault-bench");
        PiiVaults.Builder builder = PiiVaults.builder()
                .keyEncryptionKey(LocalKeysetKek.openOrCreate(keys.resolve("kek.json")))
                .auditor(DecryptionAuditor.discarding());
        if (cache.equals("cold-postgres")) {
            database = BenchmarkDatabase.create("pii_bench_fields", 2);
            builder.dataSource(database.dataSource());
        } else {
            builder.keyStore(new InMemorySubjectKeyStore());
        }
        if (!cache.equals("warm")) {
            builder.settings(PiiVaultSettings.defaults().withCacheMaximumSubjects(0));
        }
        vault = builder.build();
        reader = vault.reader(AccessContext.of("benchmark", "throughput"));
        value = new byte[size];
        new Random(42).nextBytes(value);
        List<SubjectId> ids = new ArrayList<>();
        for (int i = 0; i < SUBJECTS; i++) {
            ids.add(SubjectId.of("bench-subject-" + i));
        }
        vault.createKeys(ids);
        subjects = ids.toArray(SubjectId[]::new);
        ciphertexts = new byte[SUBJECTS][];
        for (int i = 0; i < SUBJECTS; i++) {
            ciphertexts[i] = vault.encrypt(subjects[i], FIELD, value);
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        vault.close();
        if (database != null) {
            database.close();
        }
        Files.deleteIfExists(keys.resolve("kek.json"));
        Files.deleteIfExists(keys);
    }

    @Benchmark
    public byte[] encrypt() {
        int i = next++ % SUBJECTS;
        return vault.encrypt(subjects[i], FIELD, value);
    }

    @Benchmark
    public Decrypted decrypt() {
        int i = next++ % SUBJECTS;
        return reader.decrypt(subjects[i], FIELD, ciphertexts[i]);
    }
}
