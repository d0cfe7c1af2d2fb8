package com.monstermart.cdp.ingestion.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceState;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.registry.SourceRegistry;
import com.monstermart.cdp.ingestion.testing.KafkaProbe;
import com.monstermart.cdp.ingestion.testing.Sources;
import com.monstermart.cdp.ingestion.testing.Sql;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** CDC from a real PostgreSQL (pgoutput): snapshot, inserts, updates, deletes, tombstones, restart, slot clean-up. */
@QuarkusTest
class PostgresCdcTest {
    @Inject
    SourceRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cdp.ingestion.kafka.raw-topic")
    String rawTopic;

    private static final String MAPPING = """
            id: %s
            kind: postgres
            namespace: shop
            database:
              host: %s
              port: %d
              database: %s
              user: %s
              password: %s
              replicaIdentityFull: [public.orders]
              debezium: {tombstones.on.delete: "true"}
            tables:
              public.customers:
                events:
                  - type: identify
                    operations: [snapshot, insert, update]
                    userId: "${id|id}"
                    timestamp: "${updated_at}"
                    traits: {email: "${email}", firstName: "${first_name}", loyaltyCard: "${card}"}
              public.orders:
                lookups:
                  customer: {query: "SELECT email FROM customers WHERE id = ?", parameters: ["${customer_id}"]}
                events:
                  - rule: completed
                    type: track
                    operations: [insert, update]
                    where: {status: paid}
                    changed: [status]
                    event: Order Completed
                    userId: "${customer_id|id}"
                    properties: {order_id: "${id|id}", total: "${total}", email: "${customer.email}"}
                  - rule: deleted
                    type: track
                    operations: [delete]
                    event: Order Cancelled
                    userId: "${customer_id|id}"
                    properties: {order_id: "${id|id}", total: "${total}"}
            """;

    @Test
    void snapshotThenInsertsUpdatesDeletesAndRestart() {
        CdpStack stack = CdpStack.get();
        StackEndpoints.Postgres postgres = stack.endpoints().postgres();
        String database = stack.createDatabase("cdc_pg");
        Sql sql = new Sql(postgres.jdbcUrl(database), postgres.user(), postgres.password());
        sql.execute(
                "CREATE TABLE customers (id BIGINT PRIMARY KEY, email VARCHAR(254), first_name VARCHAR(100), card VARCHAR(20), updated_at TIMESTAMPTZ NOT NULL)",
                "CREATE TABLE orders (id BIGINT PRIMARY KEY, customer_id BIGINT NOT NULL, status VARCHAR(20) NOT NULL, total NUMERIC(12,2) NOT NULL)",
                "INSERT INTO customers VALUES (1, 'grendel@example.com', 'Grendel', 'MM-1', '2026-11-01T10:00:00Z'),"
                        + " (2, 'nessie@example.com', 'Nessie', NULL, '2026-11-01T11:00:00Z')");
        String id = Sources.uniqueId("shop-pg");
        SourceSpec spec = SpecJson.readYaml(
                MAPPING.formatted(id, postgres.host(), postgres.port(), database, postgres.user(), postgres.password()),
                SourceSpec.class,
                "test");
        registry.create(spec, "test");

        try (KafkaProbe raw = new KafkaProbe(bootstrap, rawTopic)) {
            List<CanonicalEvent> snapshot =
                    await().atMost(Duration.ofSeconds(60)).until(() -> raw.eventsOf(id), events -> events.size() >= 2);
            assertThat(snapshot).extracting(CanonicalEvent::type).containsOnly(EventType.IDENTIFY);
            CanonicalEvent grendel = snapshot.stream()
                    .filter(event -> event.userId().orElseThrow().equals("1"))
                    .findFirst()
                    .orElseThrow();
            assertThat(grendel.traits())
                    .containsEntry("email", "grendel@example.com")
                    .containsEntry("loyaltyCard", "MM-1");
            assertThat(grendel.timestamp()).hasToString("2026-11-01T10:00:00Z");
            assertThat(grendel.context().source().position()).contains("table=public.customers key=1 op=r");
            assertThat(grendel.identifiers())
                    .contains(IdentifierHint.userId("shop", "1"), IdentifierHint.loyaltyCard("MM-1"));
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> registry.status(id).state() == SourceState.RUNNING);

            sql.execute(
                    "INSERT INTO customers VALUES (3, 'kraken@example.com', 'Kraken', NULL, now())",
                    "UPDATE customers SET email = 'grendel@mere.example' WHERE id = 1",
                    "INSERT INTO orders VALUES (10, 1, 'pending_payment', 49.90)",
                    "UPDATE orders SET status = 'paid' WHERE id = 10",
                    "UPDATE orders SET total = 50.00 WHERE id = 10",
                    "DELETE FROM orders WHERE id = 10",
                    "DELETE FROM customers WHERE id = 2");

            List<CanonicalEvent> streamed =
                    await().atMost(Duration.ofSeconds(60)).until(() -> raw.eventsOf(id), events -> events.size() >= 6);
            assertThat(streamed)
                    .extracting(event -> event.userId().orElseThrow())
                    .containsExactlyInAnyOrder("1", "2", "3", "1", "1", "1");
            List<CanonicalEvent> grendelStream = streamed.stream()
                    .filter(event -> event.userId().equals(java.util.Optional.of("1")))
                    .skip(1)
                    .toList();
            assertThat(grendelStream)
                    .as("one customer's events keep their order")
                    .extracting(event -> event.event().orElse(event.type().wireName()))
                    .containsExactly("identify", "Order Completed", "Order Cancelled");
            assertThat(grendelStream.get(0).traits()).containsEntry("email", "grendel@mere.example");
            CanonicalEvent completed = grendelStream.get(1);
            assertThat(completed.properties())
                    .containsEntry("order_id", "10")
                    .containsEntry("total", new BigDecimal("49.90"))
                    .containsEntry("email", "grendel@mere.example");
            assertThat(completed.context().source().position())
                    .startsWith("lsn=")
                    .contains("op=u");
            assertThat(grendelStream.get(2).properties()).containsEntry("total", new BigDecimal("50.00"));
            assertThat(grendelStream.get(2).context().source().position()).contains("op=d");

            registry.pause(id, "test");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> registry.status(id).state() == SourceState.PAUSED);
            sql.execute("INSERT INTO customers VALUES (4, 'yeti@example.com', 'Yeti', NULL, now())");
            registry.resume(id, "test");

            List<CanonicalEvent> all = await().atMost(Duration.ofSeconds(60))
                    .until(() -> raw.eventsOf(id), events -> events.stream()
                            .anyMatch(event -> event.userId().equals(java.util.Optional.of("4"))));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> raw.eventsOf(id).size() == all.size());
            assertThat(raw.eventsOf(id))
                    .extracting(CanonicalEvent::messageId)
                    .doesNotHaveDuplicates()
                    .hasSize(7);
        } finally {
            registry.delete(id, "test");
        }
        assertThat(new Sql(postgres.jdbcUrl(database), postgres.user(), postgres.password())
                        .count("SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'cdp_"
                                + id.replace('-', '_') + "'"))
                .as("the replication slot is dropped with the source")
                .isZero();
    }

    @Test
    void testConnectionChecksLogicalDecodingAndTables() {
        CdpStack stack = CdpStack.get();
        StackEndpoints.Postgres postgres = stack.endpoints().postgres();
        String database = stack.createDatabase("cdc_check");
        new Sql(postgres.jdbcUrl(database), postgres.user(), postgres.password())
                .execute(
                        "CREATE TABLE customers (id BIGINT PRIMARY KEY, email TEXT, first_name TEXT, card TEXT, updated_at TIMESTAMPTZ)");
        SourceSpec spec = SpecJson.readYaml(
                MAPPING.formatted(
                        Sources.uniqueId("check"),
                        postgres.host(),
                        postgres.port(),
                        database,
                        postgres.user(),
                        postgres.password()),
                SourceSpec.class,
                "test");

        var result = registry.testConnection(spec);

        assertThat(result.ok()).isFalse();
        assertThat(result.checks())
                .contains(
                        "ok: wal_level is logical",
                        "ok: table public.customers exists",
                        "problem: table public.orders does not exist");
        assertThat(Map.of("checks", result.checks()).toString()).doesNotContain(postgres.password() + "@");
    }
}
