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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** CDC from a real MariaDB binlog: snapshot, inserts, updates, deletes, lookups, schema history in PostgreSQL, restart. */
@QuarkusTest
class MariaDbCdcTest {
    @Inject
    SourceRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cdp.ingestion.kafka.raw-topic")
    String rawTopic;

    @Test
    void snapshotThenInsertsUpdatesDeletesAndRestart() {
        CdpStack stack = CdpStack.get();
        StackEndpoints.MariaDb mariadb = stack.endpoints().mariadb();
        String database = stack.createMariaDbDatabase("cdc_pos");
        Sql sql = new Sql(mariadb.jdbcUrl(database), mariadb.user(), mariadb.password());
        sql.execute(
                "CREATE TABLE loyalty_members (id BIGINT NOT NULL PRIMARY KEY, card_number VARCHAR(20) NOT NULL, email VARCHAR(254),"
                        + " points INT NOT NULL, updated_at DATETIME(3) NOT NULL) ENGINE=InnoDB",
                "CREATE TABLE transactions (id BIGINT NOT NULL PRIMARY KEY, receipt_number VARCHAR(24) NOT NULL, loyalty_member_id BIGINT,"
                        + " total_amount DECIMAL(12,2) NOT NULL, occurred_at DATETIME(3) NOT NULL) ENGINE=InnoDB",
                "CREATE TABLE transaction_items (id BIGINT NOT NULL PRIMARY KEY, transaction_id BIGINT NOT NULL, product_sku VARCHAR(32) NOT NULL,"
                        + " quantity INT NOT NULL, unit_price DECIMAL(12,2) NOT NULL) ENGINE=InnoDB",
                "INSERT INTO loyalty_members VALUES (1, 'MM-0001', 'grendel@example.com', 10, '2026-11-01 10:00:00.000')");
        String id = Sources.uniqueId("pos");
        long serverId = 100_000 + ThreadLocalRandom.current().nextInt(1_000_000);
        SourceSpec spec = SpecJson.readYaml(
                """
                id: %s
                kind: mariadb
                namespace: pos
                database: {host: %s, port: %d, database: %s, user: %s, password: %s, serverId: %d}
                tables:
                  %s.loyalty_members:
                    events:
                      - type: identify
                        operations: [snapshot, insert, update]
                        userId: "${id|id}"
                        timestamp: "${updated_at}"
                        traits: {email: "${email}", loyaltyCard: "${card_number}", loyaltyPoints: "${points}"}
                  %s.transactions:
                    lookups:
                      items: {query: "SELECT product_sku AS product_id, quantity, unit_price AS price FROM transaction_items WHERE transaction_id = ?", parameters: ["${id}"], all: true}
                      member: {query: "SELECT card_number FROM loyalty_members WHERE id = ?", parameters: ["${loyalty_member_id}"]}
                    events:
                      - rule: sale
                        type: track
                        operations: [snapshot, insert]
                        event: Order Completed
                        userId: "${loyalty_member_id|id}"
                        anonymousId: {if-absent: "${loyalty_member_id}", then: "receipt-${receipt_number}"}
                        timestamp: "${occurred_at}"
                        properties: {order_id: "${receipt_number}", total: "${total_amount}", products: "${items}"}
                        identifiers: [{type: loyalty_card, value: "${member.card_number}"}]
                      - rule: voided
                        type: track
                        operations: [delete]
                        event: Order Cancelled
                        anonymousId: "receipt-${receipt_number}"
                """.formatted(
                                id,
                                mariadb.host(),
                                mariadb.port(),
                                database,
                                mariadb.user(),
                                mariadb.password(),
                                serverId,
                                database,
                                database),
                SourceSpec.class,
                "test");
        registry.create(spec, "test");

        try (KafkaProbe raw = new KafkaProbe(bootstrap, rawTopic)) {
            List<CanonicalEvent> snapshot =
                    await().atMost(Duration.ofSeconds(90)).until(() -> raw.eventsOf(id), events -> !events.isEmpty());
            CanonicalEvent member = snapshot.getFirst();
            assertThat(member.type()).isEqualTo(EventType.IDENTIFY);
            assertThat(member.timestamp()).isEqualTo(Instant.parse("2026-11-01T10:00:00Z"));
            assertThat(member.traits()).containsEntry("loyaltyCard", "MM-0001").containsEntry("loyaltyPoints", 10L);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> registry.status(id).state() == SourceState.RUNNING);

            sql.execute(
                    "START TRANSACTION",
                    "INSERT INTO transactions VALUES (100, 'R-100', 1, 19.80, '2026-11-21 10:00:00.000')",
                    "INSERT INTO transaction_items VALUES (1, 100, 'SKU-1', 2, 9.90)",
                    "COMMIT",
                    "INSERT INTO transactions VALUES (101, 'R-101', NULL, 5.00, '2026-11-21 10:05:00.000')",
                    "UPDATE loyalty_members SET points = 30 WHERE id = 1",
                    "DELETE FROM transactions WHERE id = 101");

            List<CanonicalEvent> events =
                    await().atMost(Duration.ofSeconds(60)).until(() -> raw.eventsOf(id), list -> list.size() >= 5);
            assertThat(events)
                    .extracting(event -> event.event().orElse(event.type().wireName()))
                    .containsExactlyInAnyOrder(
                            "identify", "Order Completed", "Order Completed", "identify", "Order Cancelled");
            List<CanonicalEvent> member1 = events.stream()
                    .filter(event -> event.userId().equals(Optional.of("1")))
                    .toList();
            assertThat(member1)
                    .as("one customer's events keep their order")
                    .extracting(event -> event.event().orElse(event.type().wireName()))
                    .containsExactly("identify", "Order Completed", "identify");
            CanonicalEvent sale = member1.get(1);
            assertThat(sale.properties()).containsEntry("total", new BigDecimal("19.80"));
            assertThat((List<?>) sale.properties().get("products")).hasSize(1);
            assertThat(sale.identifiers()).contains(IdentifierHint.loyaltyCard("MM-0001"));
            assertThat(sale.context().source().position()).startsWith("binlog=").contains("op=c");
            assertThat(member1.get(2).traits()).containsEntry("loyaltyPoints", 30L);
            List<CanonicalEvent> guest = events.stream()
                    .filter(event -> event.anonymousId().equals(Optional.of("receipt-R-101")))
                    .toList();
            assertThat(guest)
                    .extracting(event -> event.event().orElseThrow())
                    .containsExactly("Order Completed", "Order Cancelled");

            registry.pause(id, "test");
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> registry.status(id).state() == SourceState.PAUSED);
            sql.execute("INSERT INTO loyalty_members VALUES (2, 'MM-0002', NULL, 0, '2026-11-21 11:00:00.000')");
            registry.resume(id, "test");

            await().atMost(Duration.ofSeconds(60)).until(() -> raw.eventsOf(id).stream()
                    .anyMatch(event -> event.userId().equals(Optional.of("2"))));
            await().during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> raw.eventsOf(id).size() == 6);
            assertThat(raw.eventsOf(id)).extracting(CanonicalEvent::messageId).doesNotHaveDuplicates();
        } finally {
            registry.delete(id, "test");
        }
    }
}
