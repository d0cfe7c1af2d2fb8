package com.monstermart.cdp.profile.benchmark;

import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.profile.core.EventRows;
import com.monstermart.cdp.profile.core.ResolvedEvent;
import com.monstermart.cdp.profile.core.TraitComparator;
import com.monstermart.cdp.profile.iceberg.IcebergBatchWriter;
import com.monstermart.cdp.profile.iceberg.IcebergBatchWriter.TableCommit;
import com.monstermart.cdp.profile.iceberg.ProfileStoreWarehouse;
import com.monstermart.cdp.profile.iceberg.TableStats;
import com.monstermart.cdp.profile.kafka.BatchReport;
import com.monstermart.cdp.profile.kafka.IngestionListener;
import com.monstermart.cdp.profile.kafka.IngestionLoop;
import com.monstermart.cdp.profile.kafka.IngestionSettings;
import com.monstermart.cdp.profile.kafka.TableLock;
import com.monstermart.cdp.profile.persistence.PostgresHotStore;
import com.monstermart.cdp.profile.testing.HotStores;
import com.monstermart.cdp.profile.testing.ResolvedEvents;
import com.monstermart.cdp.profile.testing.Trino;
import com.monstermart.cdp.profile.testing.Warehouses;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The store as it runs, from Kafka: (1) drain a backlog of resolved events with the default batching, for sustained
 * events/s and commit latencies; (2) a steady trickle at the default commit interval, for event → visible in Trino
 * and the files written per hour.
 *
 * <p>Run: {@code java -cp <test classpath> com.monstermart.cdp.profile.benchmark.IngestionHarness [backlog]
 * [freshness samples]} (defaults 500,000 and 30).
 */
public final class IngestionHarness {
    private IngestionHarness() {}

    public static void main(String[] args) throws Exception {
        int backlog = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int samples = args.length > 1 ? Integer.parseInt(args[1]) : 30;
        CdpStack stack = CdpStack.get();
        StackEndpoints endpoints = stack.require("postgres", "kafka", "trino");
        String namespace = stack.createTrinoSchema("bench_ingest");
        String topic = stack.createTopic("bench.resolved", 2);
        String changes = stack.createTopic("bench.changes", 1);
        PostgresHotStore hotStore =
                new PostgresHotStore(HotStores.migrated(endpoints, stack.createDatabase("bench_ingest")), "bench");
        SyntheticEvents generator = new SyntheticEvents(
                7, 200_000, 5_000, Instant.now().minus(Duration.ofMinutes(30)), Duration.ofMinutes(30));

        System.out.printf("producing %,d events...%n", backlog);
        try (KafkaProducer<byte[], byte[]> producer = producer(endpoints)) {
            for (int i = 0; i < backlog; i++) {
                ResolvedEvent event = generator.next();
                producer.send(new ProducerRecord<>(
                        topic, event.profileId().getBytes(StandardCharsets.UTF_8), ResolvedEvents.json(event)));
            }
            producer.flush();
        }

        List<BatchReport> reports = new CopyOnWriteArrayList<>();
        AtomicLong consumed = new AtomicLong();
        IngestionListener listener = new IngestionListener() {
            @Override
            public void batchCommitted(BatchReport report) {
                reports.add(report);
                consumed.addAndGet(report.counters().records());
            }
        };
        try (ProfileStoreWarehouse warehouse = Warehouses.open(endpoints, namespace, List.of());
                Trino trino = Trino.connect(stack, namespace)) {
            IngestionSettings settings = new IngestionSettings(
                    endpoints.kafkaBootstrapServers(),
                    topic,
                    changes,
                    "bench-ingest",
                    100_000,
                    Duration.ofSeconds(5),
                    Duration.ofMillis(500),
                    1_000_000,
                    IcebergBatchWriter.DEFAULT_MAX_OPEN_FILES,
                    Map.of());
            IngestionLoop loop = new IngestionLoop(
                    settings,
                    warehouse,
                    hotStore,
                    new EventRows(List.of()),
                    TraitComparator.EQUALS,
                    new TableLock(),
                    listener,
                    Clock.systemUTC());
            Thread thread = new Thread(loop, "bench-ingestion");
            com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean();
            long postgresCpuStarted = postgresCpuNanos();
            long processCpuStarted = os.getProcessCpuTime();
            long started = System.nanoTime();
            thread.start();
            while (consumed.get() < backlog) {
                Thread.sleep(200);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            long processCpu = os.getProcessCpuTime() - processCpuStarted;
            long postgresCpu = postgresCpuNanos() - postgresCpuStarted;
            System.out.printf(
                    "%n(1) backlog of %,d drained in %.1f s: %,.0f events/s (load average %.1f)%n",
                    backlog, seconds, backlog / seconds, loadAverage());
            System.out.printf(
                    "CPU per event: %.1f us in the process, %.1f us in PostgreSQL (%s)%n",
                    processCpu / 1e3 / backlog,
                    postgresCpu < 0 ? Double.NaN : postgresCpu / 1e3 / backlog,
                    postgresCpu < 0 ? "postmaster not found" : "postmaster and its backends, exited ones included");
            report(reports);

            // (2) Freshness at the default commit interval: one event at a time, until Trino shows it.
            reports.clear();
            Stats visible = new Stats();
            long freshnessStarted = System.nanoTime();
            try (KafkaProducer<byte[], byte[]> producer = producer(endpoints)) {
                SyntheticEvents trickle = new SyntheticEvents(99, 1_000, 100, Instant.now(), Duration.ofSeconds(1));
                for (int i = 0; i < samples; i++) {
                    ResolvedEvent event = trickle.next();
                    long sent = System.nanoTime();
                    producer.send(new ProducerRecord<>(
                            topic, event.profileId().getBytes(StandardCharsets.UTF_8), ResolvedEvents.json(event)));
                    producer.flush();
                    String sql = "SELECT count(*) FROM events WHERE message_id = '%s'".formatted(event.messageId());
                    while (trino.count(sql) == 0) {
                        Thread.sleep(100);
                    }
                    visible.add((System.nanoTime() - sent) / 1_000_000);
                }
            }
            double trickleHours = (System.nanoTime() - freshnessStarted) / 3.6e12;
            long files = reports.stream()
                    .mapToLong(report -> report.dataFiles() + report.deleteFiles())
                    .sum();
            System.out.printf("%n(2) event -> visible in Trino (default 5 s interval), ms: %s%n", visible);
            System.out.printf(
                    "files written while trickling: %d in %d batches = %,.0f per hour at one commit every 5 s"
                            + " (before compaction)%n",
                    files, reports.size(), files / trickleHours);
            loop.stop(Duration.ofSeconds(60));
            for (TableStats.Stats stats : TableStats.of(warehouse)) {
                System.out.printf(
                        "  %-16s rows %,10d  data files %,5d  delete files %,4d  snapshots %,4d%n",
                        stats.table(), stats.rows(), stats.dataFiles(), stats.deleteFiles(), stats.snapshots());
            }
        }
        System.exit(0);
    }

    private static void report(List<BatchReport> reports) {
        Stats batch = new Stats();
        Stats tables = new Stats();
        Stats hot = new Stats();
        Stats hotWait = new Stats();
        Stats events = new Stats();
        Stats anyTable = new Stats();
        long files = 0;
        for (BatchReport report : reports) {
            batch.add(report.batchMillis());
            tables.add(report.tablesMillis());
            hot.add(report.hotStoreMillis());
            hotWait.add(report.hotStoreWaitMillis());
            files += report.dataFiles() + report.deleteFiles();
            for (TableCommit commit : report.commits()) {
                anyTable.add(commit.commitMillis());
                if (commit.table().equals("events")) {
                    events.add(commit.commitMillis());
                }
            }
        }
        System.out.printf("batches: %d, files per batch %.1f%n", reports.size(), files / (double) reports.size());
        System.out.printf("batch (first poll -> Kafka commit) ms: %s%n", batch);
        System.out.printf("Iceberg write + commit of all tables per batch ms: %s%n", tables);
        System.out.printf("one table's commit (close files + metadata) ms: %s%n", anyTable);
        System.out.printf("events table commit ms: %s%n", events);
        System.out.printf("hot store commit ms: %s%n", hot);
        System.out.printf("waited for the previous batch's hot store commit ms: %s%n", hotWait);
    }

    private static KafkaProducer<byte[], byte[]> producer(StackEndpoints endpoints) {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers());
        properties.put(ProducerConfig.ACKS_CONFIG, "all");
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        properties.put(ProducerConfig.BATCH_SIZE_CONFIG, "262144");
        properties.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        properties.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        properties.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return new KafkaProducer<>(properties);
    }

    /**
     * CPU time of the stack's PostgreSQL: the postmaster of {@code $CDP_DATA_DIR/postgres/data} with its reaped
     * children plus its live backends; -1 when it cannot be read (not Linux, no data directory).
     */
    private static long postgresCpuNanos() {
        try {
            String dataDir = System.getenv().getOrDefault("CDP_DATA_DIR", System.getProperty("cdp.home") + "/.cdp");
            java.nio.file.Path pidFile = java.nio.file.Path.of(dataDir, "postgres", "data", "postmaster.pid");
            String postmaster = java.nio.file.Files.readAllLines(pidFile).get(0).trim();
            long ticks = 0;
            try (var processes = java.nio.file.Files.list(java.nio.file.Path.of("/proc"))) {
                for (java.nio.file.Path process : (Iterable<java.nio.file.Path>) processes::iterator) {
                    String name = process.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    String[] fields;
                    try {
                        String stat = java.nio.file.Files.readString(process.resolve("stat"));
                        fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    } catch (java.io.IOException e) {
                        continue;
                    }
                    // fields[1] = ppid, [11] utime, [12] stime, [13] cutime, [14] cstime
                    if (name.equals(postmaster)) {
                        for (int k = 11; k <= 14; k++) {
                            ticks += Long.parseLong(fields[k]);
                        }
                    } else if (fields[1].equals(postmaster)) {
                        ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                    }
                }
            }
            return ticks * 10_000_000L; // USER_HZ = 100
        } catch (java.io.IOException | RuntimeException e) {
            return -1;
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
