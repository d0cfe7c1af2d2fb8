package com.monstermart.cdp.profile.benchmark;

import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.profile.core.BatchProcessor;
import com.monstermart.cdp.profile.core.BatchResult;
import com.monstermart.cdp.profile.core.EventRows;
import com.monstermart.cdp.profile.core.InputRecord;
import com.monstermart.cdp.profile.core.MessageIdIndex;
import com.monstermart.cdp.profile.core.StateStore;
import com.monstermart.cdp.profile.core.TraitComparator;
import com.monstermart.cdp.profile.iceberg.IcebergBatchWriter;
import com.monstermart.cdp.profile.iceberg.IcebergBatchWriter.TableCommit;
import com.monstermart.cdp.profile.iceberg.ProfileStoreWarehouse;
import com.monstermart.cdp.profile.kafka.InputDecoder;
import com.monstermart.cdp.profile.persistence.PostgresHotStore;
import com.monstermart.cdp.profile.testing.HotStores;
import com.monstermart.cdp.profile.testing.InMemoryStateStore;
import com.monstermart.cdp.profile.testing.ResolvedEvents;
import com.monstermart.cdp.profile.testing.Warehouses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Sustained events/s of the store's write path on this machine, without Kafka: resolved-event JSON (as Kafka
 * delivers it) decoded, folded into profiles, written to every Iceberg table and committed, then the hot store
 * committed — in batches of the default size. Only the store's work is timed (generating the JSON is not).
 *
 * <p>Run: {@code java -cp <test classpath> com.monstermart.cdp.profile.benchmark.WriterHarness [events] [batch]
 * [memory|postgres]} (defaults 1,000,000, 100,000, postgres).
 */
public final class WriterHarness {
    private WriterHarness() {}

    public static void main(String[] args) {
        int total = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int batchSize = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        String storeKind = args.length > 2 ? args[2] : "postgres";
        CdpStack stack = CdpStack.get();
        StackEndpoints endpoints = stack.require("postgres", "trino");
        String namespace = stack.createTrinoSchema("bench_writer");
        StateStore store = storeKind.equals("memory")
                ? new InMemoryStateStore()
                : new PostgresHotStore(HotStores.migrated(endpoints, stack.createDatabase("bench_writer")), "bench");
        SyntheticEvents events = new SyntheticEvents(
                42, 200_000, 5_000, Instant.now().minus(Duration.ofMinutes(30)), Duration.ofMinutes(30));
        EventRows eventRows = new EventRows(List.of());
        InputDecoder decoder =
                new InputDecoder("cdp.resolved.events", "cdp.identity.changes", eventRows, Clock.systemUTC());
        MessageIdIndex index = new MessageIdIndex(1_000_000);
        Stats batchMillis = new Stats();
        Stats eventsCommitMillis = new Stats();
        Stats allTablesMillis = new Stats();
        Stats hotMillis = new Stats();
        long timedNanos = 0;
        long processCpuNanos = 0;
        long mainCpuNanos = 0;
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long dataFiles = 0;
        long deleteFiles = 0;
        long done = 0;
        try (ProfileStoreWarehouse warehouse = Warehouses.open(endpoints, namespace, List.of())) {
            while (done < total) {
                int size = (int) Math.min(batchSize, total - done);
                List<byte[]> payloads = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    payloads.add(ResolvedEvents.json(events.next()));
                }
                long started = System.nanoTime();
                long processCpuStarted = os.getProcessCpuTime();
                long mainCpuStarted = threads.getCurrentThreadCpuTime();
                IcebergBatchWriter writer = new IcebergBatchWriter(warehouse);
                BatchProcessor processor =
                        new BatchProcessor(store, writer, eventRows, index, TraitComparator.EQUALS, Clock.systemUTC());
                processor.begin(
                        new com.monstermart.cdp.profile.core.Watermarks(java.util.Map.of(), store.committedOffsets()));
                for (int from = 0; from < size; from += 5_000) {
                    long offset = done + from;
                    List<byte[]> chunk = payloads.subList(from, Math.min(size, from + 5_000));
                    // As the ingestion loop does: decode a poll on every core, fold it in order.
                    List<InputRecord> poll = java.util.stream.IntStream.range(0, chunk.size())
                            .parallel()
                            .mapToObj(i -> decoder.decode("cdp.resolved.events", 0, offset + i, chunk.get(i)))
                            .toList();
                    processor.accept(poll);
                }
                BatchResult result = processor.finish();
                long tablesStarted = System.nanoTime();
                List<TableCommit> commits = writer.commit(result.stateChanges().offsets());
                long tablesEnded = System.nanoTime();
                store.commit(result.stateChanges());
                long ended = System.nanoTime();
                timedNanos += ended - started;
                processCpuNanos += os.getProcessCpuTime() - processCpuStarted;
                mainCpuNanos += threads.getCurrentThreadCpuTime() - mainCpuStarted;
                batchMillis.add((ended - started) / 1_000_000);
                allTablesMillis.add((tablesEnded - tablesStarted) / 1_000_000);
                hotMillis.add((ended - tablesEnded) / 1_000_000);
                for (TableCommit commit : commits) {
                    if (commit.table().equals("events")) {
                        eventsCommitMillis.add(commit.commitMillis());
                    }
                    dataFiles += commit.dataFiles();
                    deleteFiles += commit.deleteFiles();
                }
                done += size;
                System.out.printf(
                        "batch of %,d: %,d ms (tables %,d ms, hot store %,d ms), %d commits%n",
                        size,
                        (ended - started) / 1_000_000,
                        (tablesEnded - tablesStarted) / 1_000_000,
                        (ended - tablesEnded) / 1_000_000,
                        commits.size());
            }
        }
        System.out.printf("%nstore: %s, events: %,d, batch: %,d%n", storeKind, total, batchSize);
        System.out.printf(
                "sustained (wall clock, under the load average below): %,.0f events/s%n", total / (timedNanos / 1e9));
        double cpuPerEvent = processCpuNanos / (double) total;
        double mainPerEvent = mainCpuNanos / (double) total;
        System.out.printf(
                "CPU per event: %.1f us in the process (%.1f us on the batch thread, the rest decoding in parallel,"
                        + " Iceberg and GC)%n",
                cpuPerEvent / 1_000, mainPerEvent / 1_000);
        System.out.printf(
                "2-core ceiling from CPU time: %,.0f events/s (all work spread over 2 cores), batch-thread bound"
                        + " %,.0f events/s%n",
                2e9 / cpuPerEvent, 1e9 / mainPerEvent);
        System.out.printf("load average: %.2f%n", os.getSystemLoadAverage());
        System.out.printf("batch total ms: %s%n", batchMillis);
        System.out.printf("write+commit of all tables ms: %s%n", allTablesMillis);
        System.out.printf("events table commit ms: %s%n", eventsCommitMillis);
        System.out.printf("hot store commit ms: %s%n", hotMillis);
        System.out.printf(
                "files per batch: %.1f data, %.1f delete%n",
                dataFiles / (double) batchMillis.count(), deleteFiles / (double) batchMillis.count());
        System.exit(0);
    }
}
