package com.monstermart.cdp.ingestion.benchmarks;

import com.monstermart.cdp.ingestion.core.CompiledSource;
import com.monstermart.cdp.ingestion.core.EventSink;
import com.monstermart.cdp.ingestion.core.SourceMetrics;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceSpecs;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.file.DirectoryFileStore;
import com.monstermart.cdp.ingestion.file.FileDropConnector;
import com.monstermart.cdp.ingestion.file.InMemoryFileStateStore;
import com.monstermart.cdp.ingestion.kafka.KafkaEventSink;
import com.monstermart.cdp.localstack.testing.CdpStack;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * File rows per second: the REES46 preset over a generated export (1,000,000 rows by default), once into a sink that
 * only serialises (parsing + mapping + JSON) and once into the real Kafka of the stack. Run by hand:
 *
 * <pre>java -cp ... com.monstermart.cdp.ingestion.benchmarks.FileConnectorBenchmark [rows]</pre>
 */
public final class FileConnectorBenchmark {
    private static final String[] TYPES = {"view", "view", "view", "view", "cart", "remove_from_cart", "purchase"};
    private static final String[] BRANDS = {"samsung", "apple", "xiaomi", "huawei", "lucente", "shiseido", "", "sony"};

    private FileConnectorBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        BenchmarkSupport.quietLogs();
        int rows = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 1_000_000;
        Path directory = Files.createTempDirectory("file-bench");
        Path plain = directory.resolve("rees46-events-2019-10.csv");
        write(plain, rows, false);
        System.out.printf("generated %,d rows, %,d MB plain%n", rows, Files.size(plain) >> 20);
        System.out.println(BenchmarkSupport.machine());

        BenchmarkSupport.SerializingNullSink warm = new BenchmarkSupport.SerializingNullSink();
        run("warm-up (serialise only)", directory, warm, rows);
        if (!Boolean.getBoolean("bench.kafka-only")) {
            BenchmarkSupport.SerializingNullSink sink = new BenchmarkSupport.SerializingNullSink();
            run("parse + map + serialise (no broker)", directory, sink, rows);
            System.out.printf("  average event %,d bytes of JSON%n", sink.bytes.sum() / Math.max(1, sink.events.sum()));
        }

        if (Boolean.getBoolean("bench.skip-kafka")) {
            return;
        }
        CdpStack stack = CdpStack.get();
        String bootstrap = stack.require("kafka").kafkaBootstrapServers();
        String topic = stack.createTopic("bench-file-raw", 6);
        try (KafkaEventSink kafka = BenchmarkSupport.kafka(bootstrap, topic)) {
            run("into Kafka (acks=all, lz4)", directory, kafka, rows);
        }

        Files.delete(plain);
        if (Boolean.getBoolean("bench.kafka-only")) {
            return;
        }
        Path gzip = directory.resolve("rees46-events-2019-11.csv.gz");
        write(gzip, rows, true);
        System.out.printf("generated %,d rows, %,d MB gzip%n", rows, Files.size(gzip) >> 20);
        run("gzip: parse + map + serialise (no broker)", directory, new BenchmarkSupport.SerializingNullSink(), rows);
        Files.delete(gzip);
        Files.delete(directory);
    }

    private static void run(String label, Path directory, EventSink sink, int rows) throws IOException {
        SourceSpec spec = SpecJson.readYaml("""
                id: bench-files
                kind: file
                namespace: app
                files: {directory: %s, patterns: [{preset: rees46-events}]}
                """.formatted(directory), SourceSpec.class, "benchmark");
        CompiledSource source = SourceSpecs.compile(spec);
        Clock later = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        SourceMetrics metrics = new SourceMetrics(later, Duration.ofMinutes(5));
        FileDropConnector connector = new FileDropConnector(
                source,
                List.of(new DirectoryFileStore(directory)),
                new InMemoryFileStateStore(),
                sink,
                metrics,
                later,
                5000,
                cause -> {
                    throw new IllegalStateException(cause);
                });
        long start = System.nanoTime();
        long read = connector.scanOnce();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%-45s %,10d rows in %6.2f s = %,9.0f rows/s (%,d events, %,d dead letters)%n",
                label, read, seconds, read / seconds, metrics.events(), metrics.deadLetters());
        if (read != rows) {
            throw new IllegalStateException("read " + read + " rows, expected " + rows);
        }
    }

    private static void write(Path file, int rows, boolean gzip) throws IOException {
        Random random = new Random(42);
        try (OutputStream raw = Files.newOutputStream(file);
                OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
                BufferedWriter writer =
                        new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            writer.write(
                    "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session\n");
            long second = 1569888000L;
            for (int i = 0; i < rows; i++) {
                second += random.nextInt(3);
                String time = java.time.Instant.ofEpochSecond(second)
                        .toString()
                        .replace('T', ' ')
                        .replace("Z", " UTC");
                int user = 512_000_000 + random.nextInt(200_000);
                writer.write(time);
                writer.write(',');
                writer.write(TYPES[random.nextInt(TYPES.length)]);
                writer.write(',');
                writer.write(Integer.toString(1_000_000 + random.nextInt(50_000)));
                writer.write(",2053013555631882655,electronics.smartphone,");
                writer.write(BRANDS[random.nextInt(BRANDS.length)]);
                writer.write(',');
                writer.write(Integer.toString(random.nextInt(100_000) / 100));
                writer.write('.');
                writer.write(Integer.toString(10 + random.nextInt(90)));
                writer.write(',');
                writer.write(Integer.toString(user));
                writer.write(",sess-");
                writer.write(Integer.toString(user, 36));
                writer.write('-');
                writer.write(Integer.toString(i / 20));
                writer.write('\n');
            }
        }
    }
}
