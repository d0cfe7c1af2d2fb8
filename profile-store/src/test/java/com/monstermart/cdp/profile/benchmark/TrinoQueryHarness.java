package com.monstermart.cdp.profile.benchmark;

import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.profile.core.EventRows;
import com.monstermart.cdp.profile.core.ResolvedEvent;
import com.monstermart.cdp.profile.core.StreamPartition;
import com.monstermart.cdp.profile.core.StreamPosition;
import com.monstermart.cdp.profile.iceberg.IcebergBatchWriter;
import com.monstermart.cdp.profile.iceberg.ProfileStoreWarehouse;
import com.monstermart.cdp.profile.iceberg.TableStats;
import com.monstermart.cdp.profile.testing.Trino;
import com.monstermart.cdp.profile.testing.Warehouses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Query latency of a daily GROUP BY over millions of events in Trino. The events are written straight into
 * {@code events} with the store's own writer (one commit per day of events, as the store's compaction would leave
 * them), spread over 30 days.
 *
 * <p>Run: {@code java -cp <test classpath> com.monstermart.cdp.profile.benchmark.TrinoQueryHarness [events] [runs]}
 * (defaults 10,000,000 and 5).
 */
public final class TrinoQueryHarness {
    private static final int DAYS = 30;

    private TrinoQueryHarness() {}

    public static void main(String[] args) {
        long total = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        CdpStack stack = CdpStack.get();
        StackEndpoints endpoints = stack.require("postgres", "trino");
        String namespace = stack.createTrinoSchema("bench_query");
        Instant first = Instant.parse("2026-10-01T00:00:00Z");
        EventRows rows = new EventRows(List.of());
        long written = 0;
        long writeStarted = System.nanoTime();
        try (ProfileStoreWarehouse warehouse = Warehouses.open(endpoints, namespace, List.of())) {
            for (int day = 0; day < DAYS; day++) {
                long count = total / DAYS + (day < total % DAYS ? 1 : 0);
                SyntheticEvents events = new SyntheticEvents(
                        1_000 + day, 500_000, 5_000, first.plus(Duration.ofDays(day)), Duration.ofDays(1));
                IcebergBatchWriter writer = new IcebergBatchWriter(warehouse);
                Instant ingested = Instant.now();
                for (long i = 0; i < count; i++) {
                    ResolvedEvent event = events.next();
                    StreamPosition position = new StreamPosition("bench", 0, written + i);
                    writer.append(rows.prepare(event, position, ingested).row());
                }
                written += count;
                writer.commit(Map.of(new StreamPartition("bench", 0), written - 1));
                System.out.printf("day %d: %,d events written (%,d in all)%n", day + 1, count, written);
            }
            double writeSeconds = (System.nanoTime() - writeStarted) / 1e9;
            TableStats.Stats stats = TableStats.of(warehouse.table("events"));
            System.out.printf(
                    "%nwrote %,d events in %.0f s (%,.0f events/s, events table only): %d data files, %,d MB%n",
                    written, writeSeconds, written / writeSeconds, stats.dataFiles(), stats.totalBytes() >> 20);
        }
        String daily =
                "SELECT date(occurred_at) AS day, type, count(*) AS events FROM events GROUP BY 1, 2 ORDER BY 1, 2";
        String byEvent =
                "SELECT date(occurred_at) AS day, event, count(*) AS events, sum(revenue) AS revenue FROM events"
                        + " WHERE type = 'track' GROUP BY 1, 2 ORDER BY 1, 2";
        try (Trino trino = Trino.connect(stack, namespace)) {
            for (String sql : List.of(daily, byEvent)) {
                Stats latency = new Stats();
                int rowsReturned = 0;
                for (int run = 0; run <= runs; run++) {
                    long started = System.nanoTime();
                    rowsReturned = trino.rows(sql).size();
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    if (run == 0) {
                        System.out.printf("%n%s%nfirst run: %,d ms (%d rows)%n", sql, millis, rowsReturned);
                    } else {
                        latency.add(millis);
                    }
                }
                System.out.printf("next %d runs, ms: %s (load average %.1f)%n", runs, latency, loadAverage());
            }
            System.out.printf("%ncount(*) = %,d%n", trino.count("SELECT count(*) FROM events"));
        }
        System.exit(0);
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
