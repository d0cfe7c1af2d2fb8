package com.monstermart.cdp.console.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OrderReaderTest {
    private final OrderReader reader =
            new OrderReader(LiveSalesRules.of(List.of("app-events"), List.of("shop-web+shop-postgres"), "GBP"));

    @Test
    void readsTheWebShopsOrderWithRevenuePerLine() {
        CompletedOrder order = read("""
                {"type":"track","event":"Order Completed","messageId":"m-1","timestamp":"2026-12-08T10:15:30Z",
                 "receivedAt":"2026-12-08T10:15:31Z","userId":"42","profileId":"p-1",
                 "properties":{"order_id":"MM-1001","currency":"GBP","revenue":59.70,"total":64.70,
                   "products":[
                     {"product_id":"17","sku":"SKU-FUR","name":"Fur brush","category":"grooming.brush","brand":"Hairy",
                      "price":19.90,"quantity":2},
                     {"product_id":"18","sku":"SKU-FANG","name":"Fang floss","price":"19.90"}]},
                 "context":{"source":{"id":"shop-web","kind":"http","position":"request=1 index=0"}},"identifiers":[]}
                """).orElseThrow();
        assertThat(order.orderKey()).isEqualTo("shop-postgres+shop-web/MM-1001");
        assertThat(order.sourceId()).isEqualTo("shop-web");
        assertThat(order.messageId()).isEqualTo("m-1");
        assertThat(order.occurredAt()).isEqualTo(Instant.parse("2026-12-08T10:15:30Z"));
        assertThat(order.lines()).hasSize(2);
        OrderLine brush = order.lines().get(0);
        assertThat(brush.productKey()).isEqualTo("SKU-FUR");
        assertThat(brush.quantity()).isEqualTo(2);
        assertThat(brush.revenue()).isEqualByComparingTo("39.80");
        assertThat(brush.currency()).isEqualTo("GBP");
        assertThat(brush.product()).isEqualTo(new ProductInfo("17", "SKU-FUR", "Fur brush", "grooming.brush", "Hairy"));
        OrderLine floss = order.lines().get(1);
        assertThat(floss.quantity()).as("no quantity means one unit").isEqualTo(1);
        assertThat(floss.revenue()).as("a price given as text").isEqualByComparingTo("19.90");
        assertThat(floss.product().category()).isNull();
    }

    @Test
    void subtractsTheStoreReceiptsLineDiscount() {
        CompletedOrder order = read("""
                {"type":"track","event":"Order Completed","messageId":"m-2","timestamp":"2026-12-08T11:00:00Z",
                 "properties":{"order_id":"R-77","currency":"gbp","products":[
                   {"product_id":"SKU-FUR","sku":"SKU-FUR","name":"FUR BRUSH","quantity":3,"price":10.00,"discount":3.00}]},
                 "context":{"source":{"id":"pos-mariadb","kind":"mariadb","position":"x"}}}
                """).orElseThrow();
        assertThat(order.orderKey())
                .as("a source in no group scopes its own order ids")
                .isEqualTo("pos-mariadb/R-77");
        assertThat(order.lines().getFirst().revenue()).isEqualByComparingTo("27.00");
        assertThat(order.lines().getFirst().currency()).isEqualTo("GBP");
    }

    @Test
    void anOrderWithoutProductsKeepsItsRevenueOnOneLine() {
        CompletedOrder order = read("""
                {"type":"track","event":"Order Completed","messageId":"m-3","timestamp":"2026-12-08T11:00:00Z",
                 "properties":{"total":12.5},
                 "context":{"source":{"id":"partner","kind":"file","position":"x"}}}
                """).orElseThrow();
        assertThat(order.orderKey()).as("no order id: the message is the order").isEqualTo("message/m-3");
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.productKey()).isEqualTo(CompletedOrder.NO_LINE_ITEMS);
            assertThat(line.revenue()).isEqualByComparingTo(new BigDecimal("12.5"));
            assertThat(line.currency()).as("the default currency").isEqualTo("GBP");
        });
    }

    @Test
    void skipsLinesThatAreNotSalesAndKeysByProductIdWithoutSku() {
        CompletedOrder order = read("""
                {"type":"track","event":"Order Completed","messageId":"m-4","timestamp":"2026-12-08T11:00:00Z",
                 "properties":{"order_id":"9","currency":"USD","products":[
                   {"product_id":"1515966223509089906","category":"electronics.tablet","brand":"samsung","price":162.01},
                   {"product_id":"2","quantity":-1,"price":5},
                   {"product_id":"3","quantity":1.5,"price":5},
                   "not an object"]},
                 "context":{"source":{"id":"marketplace-purchases","kind":"file","position":"x"}}}
                """).orElseThrow();
        assertThat(order.lines()).singleElement().satisfies(line -> {
            assertThat(line.productKey()).isEqualTo("1515966223509089906");
            assertThat(line.currency()).isEqualTo("USD");
        });
    }

    @Test
    void ignoresOtherEventsExcludedSourcesAndUnreadableValues() {
        assertThat(reader.read(bytes("""
                {"type":"track","event":"Product Added","messageId":"m","timestamp":"2026-12-08T11:00:00Z",
                 "properties":{"note":"Order Completed"},"context":{"source":{"id":"shop-web"}}}
                """)))
                .as("the marker in a property does not make an order")
                .isEmpty();
        assertThat(reader.read(bytes("""
                {"type":"track","event":"Order Completed","messageId":"m","timestamp":"2026-12-08T11:00:00Z",
                 "properties":{"order_id":"s-1"},"context":{"source":{"id":"app-events"}}}
                """))).as("an excluded source").isEmpty();
        assertThat(reader.read(bytes("""
                {"type":"track","event":"Order Completed","messageId":"m","timestamp":"yesterday",
                 "context":{"source":{"id":"shop-web"}}}
                """))).as("an unreadable timestamp").isEmpty();
        assertThat(reader.read(bytes("{\"event\": \"Order Completed\", ")))
                .as("malformed JSON")
                .isEmpty();
        assertThat(reader.read(bytes("{\"type\":\"identify\"}"))).isEmpty();
        assertThat(reader.read(null)).isEmpty();
    }

    private Optional<CompletedOrder> read(String json) {
        return reader.read(bytes(json));
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
