package com.monstermart.cdp.identity.core.graph;

import com.monstermart.cdp.identity.core.postgres.PostgresIdentityStore;
import com.monstermart.cdp.identity.core.postgres.TestDatabases;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Benchmark harness (not a test) for deterministic resolution: events/s and links/s of the in-memory union-find,
 * and of the PostgreSQL store with several batch sizes and threads. Arguments: {@code memory <people>} or
 * {@code postgres <people> <batch> <threads>} (PostgreSQL comes from the running {@code ./cdp up} stack, in a fresh
 * database).
 */
public final class GraphHarness {
    private GraphHarness() {}

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        String mode = args.length > 0 ? args[0] : "memory";
        int people = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<Observation> events = SyntheticEvents.generate(people, 10, 1);
        long links = SyntheticEvents.links(events);
        if (mode.equals("memory")) {
            for (int run = 1; run <= 5; run++) {
                InMemoryIdentityStore store = new InMemoryIdentityStore(ResolutionRules.defaults(), Clock.systemUTC());
                long start = System.nanoTime();
                for (int i = 0; i < events.size(); i += 1000) {
                    store.resolve(events.subList(i, Math.min(events.size(), i + 1000)));
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                out.printf(
                        "memory run %d: %d events, %d links in %.2f s = %.0f events/s, %.0f links/s; %s%n",
                        run,
                        events.size(),
                        links,
                        seconds,
                        events.size() / seconds,
                        links / seconds,
                        store.statistics());
            }
            return;
        }
        int batch = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        CdpStack stack = CdpStack.get();
        StackEndpoints.Postgres postgres = stack.require("postgres").postgres();
        String database = stack.createDatabase("identity_bench");
        TestDatabases.migrate(postgres.jdbcUrl(database), postgres.user(), postgres.password());
        PostgresIdentityStore store = new PostgresIdentityStore(
                TestDatabases.dataSource(postgres.jdbcUrl(database), postgres.user(), postgres.password()),
                ResolutionRules.defaults(),
                Clock.systemUTC());
        // Partition like Kafka does (key = user id, else the anonymous id): one consumer thread per partition.
        List<List<Observation>> partitions = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            partitions.add(new ArrayList<>());
        }
        for (Observation event : events) {
            String key = event.identifiers().stream()
                    .filter(identifier -> identifier.type() == com.monstermart.cdp.event.IdentifierType.USER_ID)
                    .findFirst()
                    .orElse(event.identifiers().get(0))
                    .key();
            partitions.get(Math.floorMod(key.hashCode(), threads)).add(event);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (List<Observation> partition : partitions) {
            futures.add(pool.submit(() -> {
                for (int i = 0; i < partition.size(); i += batch) {
                    store.resolve(partition.subList(i, Math.min(partition.size(), i + batch)));
                }
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        out.printf(
                "postgres batch=%d threads=%d: %d events, %d links in %.2f s = %.0f events/s, %.0f links/s;"
                        + " retries=%d; %s%n",
                batch,
                threads,
                events.size(),
                links,
                seconds,
                events.size() / seconds,
                links / seconds,
                store.retries(),
                store.statistics());
    }
}
