package com.monstermart.cdp.ingestion.benchmarks;

import com.monstermart.cdp.ingestion.cdc.CdcStorage;
import com.monstermart.cdp.ingestion.cdc.CdcTuning;
import com.monstermart.cdp.ingestion.cdc.DebeziumConnector;
import com.monstermart.cdp.ingestion.core.CompiledSource;
import com.monstermart.cdp.ingestion.core.EventSink;
import com.monstermart.cdp.ingestion.core.SourceMetrics;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceSpecs;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.kafka.KafkaEventSink;
import com.monstermart.cdp.ingestion.testing.Sql;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * CDC changes per second: Debezium's embedded engine streaming a customers table (identify events) into Kafka, with
 * offsets in PostgreSQL, while the database takes bulk inserts and then bulk updates (1,000,000 changes by default).
 * Run by hand:
 *
 * <pre>java -cp ... com.monstermart.cdp.ingestion.benchmarks.CdcBenchmark [postgres|mariadb] [changes]</pre>
 */
public final class CdcBenchmark {
    private CdcBenchmark() {}

    public static void main(String[] arguments) {
        int status = 0;
        try {
            run(arguments);
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            status = 1;
        }
        // the engine's worker threads are not daemons
        System.exit(status);
    }

    private static void run(String[] arguments) throws Exception {
        BenchmarkSupport.quietLogs();
        String kind = arguments.length > 0 ? arguments[0] : "postgres";
        int changes = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 1_000_000;
        int rows = changes / 2;
        CdpStack stack = CdpStack.get();
        StackEndpoints endpoints = stack.require("postgres", "kafka", "mariadb");
        StackEndpoints.Postgres postgres = endpoints.postgres();
        System.out.println(BenchmarkSupport.machine());

        String offsetsDatabase = stack.createDatabase("bench_offsets");
        Sql offsets = new Sql(postgres.jdbcUrl(offsetsDatabase), postgres.user(), postgres.password());
        try (InputStream migration =
                CdcBenchmark.class.getResourceAsStream("/db/migration/V1__ingestion_registry.sql")) {
            offsets.execute(
                    "CREATE SCHEMA ingestion",
                    "SET search_path TO ingestion;\n" + new String(migration.readAllBytes(), StandardCharsets.UTF_8));
        }

        Sql source;
        String spec;
        String id = "bench-cdc-" + ProcessHandle.current().pid();
        if (kind.equals("postgres")) {
            String database = stack.createDatabase("bench_cdc");
            source = new Sql(postgres.jdbcUrl(database), postgres.user(), postgres.password());
            source.execute(
                    "CREATE TABLE customers (id BIGINT PRIMARY KEY, email TEXT, first_name TEXT, last_name TEXT, city TEXT, updated_at TIMESTAMPTZ NOT NULL)");
            spec = """
                    id: %s
                    kind: postgres
                    namespace: shop
                    database: {host: %s, port: %d, database: %s, user: %s, password: %s, snapshot: no_data}
                    tables:
                      public.customers: {events: [%s]}
                    """.formatted(
                            id, postgres.host(), postgres.port(), database, postgres.user(), postgres.password(), RULE);
        } else {
            StackEndpoints.MariaDb mariadb = endpoints.mariadb();
            String database = stack.createMariaDbDatabase("bench_cdc");
            source = new Sql(mariadb.jdbcUrl(database), mariadb.user(), mariadb.password());
            source.execute(
                    "CREATE TABLE customers (id BIGINT NOT NULL PRIMARY KEY, email VARCHAR(100), first_name VARCHAR(50), last_name VARCHAR(50), city VARCHAR(50), updated_at DATETIME(3) NOT NULL) ENGINE=InnoDB");
            spec = """
                    id: %s
                    kind: mariadb
                    namespace: pos
                    database: {host: %s, port: %d, database: %s, user: %s, password: %s, serverId: %d, snapshot: no_data}
                    tables:
                      %s.customers: {events: [%s]}
                    """.formatted(
                            id,
                            mariadb.host(),
                            mariadb.port(),
                            database,
                            mariadb.user(),
                            mariadb.password(),
                            900_000 + ProcessHandle.current().pid() % 10_000,
                            database,
                            RULE);
        }
        CompiledSource compiled = SourceSpecs.compile(SpecJson.readYaml(spec, SourceSpec.class, "benchmark"));
        String topic = stack.createTopic("bench-cdc-raw", 6);
        Clock clock = Clock.systemUTC();
        SourceMetrics metrics = new SourceMetrics(clock, Duration.ofMinutes(5));
        try (KafkaEventSink kafka = BenchmarkSupport.kafka(endpoints.kafkaBootstrapServers(), topic)) {
            EventSink sink = kafka;
            DebeziumConnector connector = new DebeziumConnector(
                    compiled,
                    new CdcStorage(
                            postgres.jdbcUrl(offsetsDatabase) + "?currentSchema=ingestion",
                            postgres.user(),
                            postgres.password()),
                    new CdcTuning(50, 8192, 32768, Duration.ofSeconds(1)),
                    sink,
                    metrics,
                    clock,
                    cause -> {
                        throw new IllegalStateException("CDC failed", cause);
                    });
            connector.start();
            long marker = 0;
            while (metrics.events() == 0) {
                source.execute(insert(kind, -(++marker), -marker));
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
            }
            long before = metrics.events();
            int chunk = Integer.getInteger("bench.transaction-rows", 10_000);
            Thread writer = new Thread(() -> {
                for (long from = 1; from <= rows; from += chunk) {
                    source.execute(insert(kind, from, Math.min(rows, from + chunk - 1)));
                }
                for (long from = 1; from <= rows; from += chunk) {
                    source.execute("UPDATE customers SET city = 'Loch Ness' WHERE id BETWEEN %d AND %d"
                            .formatted(from, Math.min(rows, from + chunk - 1)));
                }
            });
            long start = System.nanoTime();
            writer.start();
            long first = awaitCount(metrics, before + 1);
            long inserted = awaitCount(metrics, before + rows);
            long done = awaitCount(metrics, before + 2L * rows);
            writer.join();
            System.out.printf(
                    "%s: %,d changes (%,d inserts then %,d updates, %,d rows per transaction)%n",
                    kind, 2L * rows, rows, rows, chunk);
            System.out.printf(
                    "  streamed: first to last event %.1f s = %,.0f changes/s (inserts %,.0f/s, updates %,.0f/s)%n",
                    (done - first) / 1e9,
                    2L * rows / ((done - first) / 1e9),
                    rows / ((inserted - first) / 1e9),
                    rows / ((done - inserted) / 1e9));
            System.out.printf(
                    "  end to end incl. the database's writes: %.1f s = %,.0f changes/s%n",
                    (done - start) / 1e9, 2L * rows / ((done - start) / 1e9));
            connector.close();
        } finally {
            if (kind.equals("postgres")) {
                offsets.execute("SELECT 1");
                new Sql(postgres.jdbcUrl("cdp"), postgres.user(), postgres.password())
                        .execute(
                                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = 'cdp_"
                                        + id.replace('-', '_') + "'");
            }
        }
    }

    private static final String RULE = """
            {type: identify, operations: [insert, update], userId: "${id|id}", timestamp: "${updated_at}",
             traits: {email: "${email}", firstName: "${first_name}", lastName: "${last_name}", address: {city: "${city}"}}}""";

    private static String[] insert(String kind, long from, long to) {
        if (kind.equals("postgres")) {
            return new String[] {insertSql(kind, from, to)};
        }
        return new String[] {"SET SESSION max_recursive_iterations = 100000000", insertSql(kind, from, to)};
    }

    private static String insertSql(String kind, long from, long to) {
        if (kind.equals("postgres")) {
            return "INSERT INTO customers SELECT g, 'monster' || g || '@example.com', 'First' || g, 'Last' || g, 'Transylvania', now()"
                    + " FROM generate_series(%d, %d) g".formatted(Math.min(from, to), Math.max(from, to));
        }
        return "INSERT INTO customers WITH RECURSIVE g(n) AS (SELECT %d UNION ALL SELECT n + 1 FROM g WHERE n < %d)"
                        .formatted(Math.min(from, to), Math.max(from, to))
                + " SELECT n, CONCAT('monster', n, '@example.com'), CONCAT('First', n), CONCAT('Last', n), 'Transylvania', NOW(3) FROM g";
    }

    /** Waits until the count is reached; returns when ({@link System#nanoTime()}). */
    private static long awaitCount(SourceMetrics metrics, long events) {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (metrics.events() < events) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(
                        "only %,d of %,d events after 30 minutes".formatted(metrics.events(), events));
            }
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return System.nanoTime();
    }
}
