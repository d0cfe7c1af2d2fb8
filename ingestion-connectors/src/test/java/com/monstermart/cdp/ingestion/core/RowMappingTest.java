package com.monstermart.cdp.ingestion.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.SourceKind;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RowMappingTest {
    private static final SourceIdentity SHOP = new SourceIdentity("shop-postgres", SourceKind.POSTGRES, "shop");
    private static final Instant RECEIVED = Instant.parse("2026-11-21T10:00:00Z");

    private static RowMapping mapping(String yaml) {
        TableSpec table = SpecJson.readYaml(yaml, TableSpec.class, "test");
        return RowMapping.compile(
                SHOP,
                "public.customers",
                table.lookups(),
                table.events(),
                null,
                ParseSettings.DEFAULT,
                QualityChecker.NONE,
                "tables.public.customers");
    }

    private static final String CUSTOMERS = """
            events:
              - type: identify
                operations: [insert, update, snapshot]
                userId: "${id}"
                timestamp: "${updated_at}"
                traits:
                  email: "${email}"
                  firstName: "${first_name}"
                  address: {city: "${city}", country: "${country}"}
                  loyaltyCard: "${loyalty_card}"
                identifiers:
                  - {type: customer_id, namespace: pos, value: "${pos_id}"}
            """;

    @Test
    void identifyWithTraitsAndHints() {
        Map<String, Object> row = new HashMap<>();
        row.put("id", 42L);
        row.put("email", "grendel@example.com");
        row.put("first_name", "Grendel");
        row.put("city", null);
        row.put("country", null);
        row.put("loyalty_card", "MM-42");
        row.put("updated_at", Instant.parse("2026-11-21T09:00:00Z"));
        row.put("pos_id", 7L);

        MappingResult result = mapping(CUSTOMERS)
                .map(
                        new MapRow("public.customers", Operation.UPDATE, row, null, "lsn=1 key=42 op=u", null, "{}"),
                        RECEIVED,
                        LookupExecutor.NONE);

        assertThat(result.rejected()).isFalse();
        CanonicalEvent event = result.events().getFirst();
        assertThat(event.type()).isEqualTo(EventType.IDENTIFY);
        assertThat(event.userId()).contains("42");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-21T09:00:00Z"));
        assertThat(event.traits()).containsOnlyKeys("email", "firstName", "loyaltyCard");
        assertThat(event.identifiers())
                .containsExactly(
                        IdentifierHint.customerId("pos", "7"),
                        IdentifierHint.userId("shop", "42"),
                        IdentifierHint.email("grendel@example.com"),
                        IdentifierHint.loyaltyCard("MM-42"));
        assertThat(event.context().source().position()).isEqualTo("lsn=1 key=42 op=u");
    }

    @Test
    void messageIdsAreStablePerPositionAndRule() {
        Map<String, Object> row = Map.of("id", 42L);
        RowMapping mapping = mapping(CUSTOMERS);
        MapRow first = MapRow.insert("public.customers", row, "lsn=1", "{}");

        String id = mapping.map(first, RECEIVED, LookupExecutor.NONE)
                .events()
                .getFirst()
                .messageId();

        assertThat(mapping.map(first, RECEIVED.plusSeconds(60), LookupExecutor.NONE)
                        .events()
                        .getFirst()
                        .messageId())
                .isEqualTo(id);
        assertThat(mapping.map(MapRow.insert("public.customers", row, "lsn=2", "{}"), RECEIVED, LookupExecutor.NONE)
                        .events()
                        .getFirst()
                        .messageId())
                .isNotEqualTo(id);
    }

    @Test
    void conditionsOperationsAndChangedColumns() {
        RowMapping orders = mapping("""
                events:
                  - rule: completed
                    type: track
                    operations: [insert, update]
                    where: {status: [paid, captured]}
                    changed: [status]
                    event: Order Completed
                    userId: "${customer_id}"
                    properties: {order_id: "${order_number}", total: "${total|decimal}"}
                  - rule: removed
                    type: track
                    operations: [delete]
                    event: Order Cancelled
                    userId: "${customer_id}"
                """);
        Map<String, Object> paid =
                Map.of("customer_id", 1L, "status", "paid", "order_number", "O-1", "total", new BigDecimal("9.90"));
        Map<String, Object> pending =
                Map.of("customer_id", 1L, "status", "pending", "order_number", "O-1", "total", new BigDecimal("9.90"));

        assertThat(orders.map(
                                new MapRow("t", Operation.UPDATE, paid, pending, "p1", null, ""),
                                RECEIVED,
                                LookupExecutor.NONE)
                        .events())
                .extracting(event -> event.event().orElseThrow())
                .containsExactly("Order Completed");
        assertThat(orders.map(
                                new MapRow("t", Operation.UPDATE, paid, paid, "p2", null, ""),
                                RECEIVED,
                                LookupExecutor.NONE)
                        .skipped())
                .isTrue();
        assertThat(orders.map(
                                new MapRow("t", Operation.UPDATE, pending, paid, "p3", null, ""),
                                RECEIVED,
                                LookupExecutor.NONE)
                        .skipped())
                .isTrue();
        assertThat(orders.map(
                                new MapRow("t", Operation.DELETE, paid, paid, "p4", null, ""),
                                RECEIVED,
                                LookupExecutor.NONE)
                        .events())
                .extracting(event -> event.event().orElseThrow())
                .containsExactly("Order Cancelled");
        assertThat(orders.map(
                                new MapRow("t", Operation.UPDATE, paid, null, "p5", null, ""),
                                RECEIVED,
                                LookupExecutor.NONE)
                        .events())
                .as("without a before image an update counts as a change")
                .hasSize(1);
    }

    @Test
    void quantityDifferencesAndLookups() {
        RowMapping items = mapping("""
                lookups:
                  cart: {query: "SELECT customer_id, anonymous_id FROM carts WHERE id = ?", parameters: ["${cart_id}"]}
                events:
                  - type: track
                    operations: [update]
                    where: {quantity: {greater-than: "${before.quantity}"}, cart.anonymous_id: {present: true}}
                    event: Product Added
                    userId: "${cart.customer_id}"
                    anonymousId: "${cart.anonymous_id}"
                    properties: {quantity: {difference: ["${quantity}", "${before.quantity}"]}}
                """);
        LookupExecutor carts = (name, spec, parameters) ->
                parameters.equals(List.of(5L)) ? Map.of("customer_id", 1L, "anonymous_id", "anon-1") : null;

        MappingResult more = items.map(
                new MapRow(
                        "t",
                        Operation.UPDATE,
                        Map.of("cart_id", 5L, "quantity", 3),
                        Map.of("cart_id", 5L, "quantity", 1),
                        "p",
                        null,
                        ""),
                RECEIVED,
                carts);
        MappingResult goneCart = items.map(
                new MapRow(
                        "t",
                        Operation.UPDATE,
                        Map.of("cart_id", 6L, "quantity", 3),
                        Map.of("cart_id", 6L, "quantity", 1),
                        "p",
                        null,
                        ""),
                RECEIVED,
                carts);

        assertThat(more.events().getFirst().properties()).containsEntry("quantity", 2L);
        assertThat(more.events().getFirst().anonymousId()).contains("anon-1");
        assertThat(goneCart.skipped()).isTrue();
    }

    @Test
    void badValuesRejectTheRowWithPaths() {
        RowMapping mapping = mapping("""
                events:
                  - type: track
                    event: Product Viewed
                    userId: "${user}"
                    properties: {price: "${price|decimal}", items: [{quantity: "${q|int}"}]}
                """);

        MappingResult result = mapping.map(
                MapRow.insert("t", Map.of("user", "u1", "price", "abc", "q", "1.5"), "line=3", "u1,abc,1.5"),
                RECEIVED,
                LookupExecutor.NONE);

        assertThat(result.rejected()).isTrue();
        assertThat(result.problems())
                .extracting(Object::toString)
                .containsExactly("$.properties.price: 'abc' is not a number");
    }

    @Test
    void contractProblemsRejectTheRow() {
        RowMapping mapping = mapping("""
                events:
                  - type: track
                    event: Product Viewed
                    userId: "${user}"
                """);

        MappingResult result =
                mapping.map(MapRow.insert("t", new HashMap<>(), "line=3", ""), RECEIVED, LookupExecutor.NONE);

        assertThat(result.problems())
                .extracting(Object::toString)
                .containsExactly("$.userId: userId or anonymousId is required");
    }

    @Test
    void unmappedValuesSkipOrReject() {
        RowMapping skip = mapping("""
                events:
                  - type: track
                    event: {from: "${kind}", map: {view: Product Viewed}, unmapped: skip}
                    userId: u
                """);
        RowMapping reject = mapping("""
                events:
                  - type: track
                    event: {from: "${kind}", map: {view: Product Viewed}, unmapped: reject}
                    userId: u
                """);
        MapRow row = MapRow.insert("t", Map.of("kind", "wishlist"), "line=1", "");

        assertThat(skip.map(row, RECEIVED, LookupExecutor.NONE).skipped()).isTrue();
        assertThat(reject.map(row, RECEIVED, LookupExecutor.NONE).problems())
                .extracting(Object::toString)
                .containsExactly("$.event: 'wishlist' is not one of [view]");
    }

    @Test
    void invalidMappingsAreRefusedWithTheirPath() {
        assertThatThrownBy(() -> mapping("events: [{type: track, userId: u}]"))
                .isInstanceOf(IngestionException.class)
                .hasMessage("tables.public.customers.events[0].event: is required for track rules");
        assertThatThrownBy(() -> mapping("events: [{type: order, userId: u}]"))
                .isInstanceOf(IngestionException.class)
                .hasMessage("tables.public.customers.events[0].type: 'order' is not identify, track, page or alias");
        assertThatThrownBy(() -> mapping("events: [{type: identify, userId: \"${id|round}\"}]"))
                .isInstanceOf(IngestionException.class)
                .hasMessageStartingWith("tables.public.customers.events[0].userId: unknown filter 'round'");
        assertThatThrownBy(() -> mapping("events: [{type: identify, userId: u, where: {status: {like: x}}}]"))
                .isInstanceOf(IngestionException.class)
                .hasMessageStartingWith("tables.public.customers.events[0].where.status.like: unknown test");
        assertThatThrownBy(() -> mapping("events: [{type: identify, userid: u}]"))
                .isInstanceOf(IngestionException.class)
                .hasMessageStartingWith("test: unknown field 'userid' at $.events[0].userid;");
    }
}
