package com.monstermart.cdp.pii.vault.benchmarks;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmParameters;
import java.security.GeneralSecurityException;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Tink alone, for comparison with {@link FieldEncryptionBenchmark}'s warm case: AES-256-GCM (no prefix) encrypt of the
 * same sizes with a 40-byte associated data, rotating over 1,000 keys as the vault rotates over 1,000 subjects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(
        value = 1,
        jvmArgsAppend = {"--enable-native-access=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow"})
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Threads(1)
public class TinkBaselineBenchmark {
    private static final int KEYS = 1000;

    @Param({"32", "256", "1024"})
    public int size;

    private Aead[] aeads;
    private byte[] value;
    private byte[] associatedData;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws GeneralSecurityException {
        AeadConfig.register();
        AesGcmParameters parameters = AesGcmParameters.builder()
                .setKeySizeBytes(32)
                .setIvSizeBytes(12)
                .setTagSizeBytes(16)
                .setVariant(AesGcmParameters.Variant.NO_PREFIX)
                .build();
        aeads = new Aead[KEYS];
        for (int i = 0; i < KEYS; i++) {
            aeads[i] = KeysetHandle.generateNew(parameters).getPrimitive(RegistryConfiguration.get(), Aead.class);
        }
        value = new byte[size];
        associatedData = new byte[40];
        new Random(42).nextBytes(value);
    }

    @Benchmark
    public byte[] encrypt() throws GeneralSecurityException {
        return aeads[next++ % KEYS].encrypt(value, associatedData);
    }
}
