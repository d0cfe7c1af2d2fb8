package com.monstermart.cdp.console.core.sales;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.console.core.sales.LiveSalesSnapshot.ProductSales;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SalesBoardTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2026-12-08T14:30:20Z"); // GMT in December: 14:30 in London

    private final SalesBoard board = new SalesBoard(LONDON, "GBP", 2, 500, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void sumsTheLastHourAndTodayRankedByRevenueInTheMainCurrency() {
        board.apply(total("SKU-A", "14:29", info("A", "toys"), 2, Map.of("GBP", "20.00"), 1));
        board.apply(total("SKU-B", "14:00", info("B", "toys"), 1, Map.of("GBP", "50.00"), 1));
        board.apply(total("SKU-C", "09:00", info("C", "garden"), 5, Map.of("GBP", "30.00", "USD", "7.00"), 1));
        board.apply(total("SKU-D", "13:30", info("D", null), 1, Map.of("USD", "99.00"), 1)); // 61 minutes ago
        board.apply(orders("14:29", 1, "20.00"));
        board.apply(orders("14:00", 1, "50.00"));
        board.apply(orders("09:00", 2, "30.00"));
        board.apply(orders("13:30", 1, "0"));

        LiveSalesSnapshot snapshot = board.snapshot(LiveSalesStatus.RUNNING);

        assertThat(snapshot.status()).isEqualTo(LiveSalesStatus.RUNNING);
        assertThat(snapshot.lastHour().totals().orders()).isEqualTo(2);
        assertThat(snapshot.lastHour().totals().units()).isEqualTo(3);
        assertThat(snapshot.lastHour().products())
                .extracting(ProductSales::productKey)
                .containsExactly("SKU-B", "SKU-A");
        LiveSalesSnapshot.Period today = snapshot.today();
        assertThat(today.totals().orders()).isEqualTo(5);
        assertThat(today.totals().units()).isEqualTo(9);
        assertThat(today.totals().revenue()).containsOnlyKeys("GBP", "USD").satisfies(revenue -> {
            assertThat(revenue.get("GBP")).isEqualByComparingTo("100.00");
            assertThat(revenue.get("USD")).isEqualByComparingTo("106.00");
        });
        assertThat(today.productCount()).isEqualTo(4);
        assertThat(today.products())
                .as("the two best in GBP (top products = 2)")
                .extracting(ProductSales::productKey)
                .containsExactly("SKU-B", "SKU-C");
        assertThat(today.categories())
                .extracting(LiveSalesSnapshot.CategorySales::category)
                .containsExactly("toys", "garden", SalesBoard.UNKNOWN_CATEGORY);
        assertThat(today.categories().getFirst().units()).isEqualTo(3);
        assertThat(today.categories().getFirst().products()).isEqualTo(2);
    }

    @Test
    void comparesWithYesterdayUntilTheSameTimeAndGivesHours() {
        board.apply(orders("2026-12-07T10:00:00Z", 3, "30.00"));
        board.apply(orders("2026-12-07T16:00:00Z", 4, "40.00")); // later in the day than now: not "so far"
        board.apply(total("SKU-A", "2026-12-07T10:00:00Z", info("A", "toys"), 3, Map.of("GBP", "30.00"), 1));
        board.apply(total("SKU-A", "10:15", info("A", "toys"), 1, Map.of("GBP", "12.00"), 1));
        board.apply(orders("10:15", 1, "12.00"));

        LiveSalesSnapshot snapshot = board.snapshot(LiveSalesStatus.RUNNING);

        assertThat(snapshot.yesterdaySoFar().orders()).isEqualTo(3);
        assertThat(snapshot.yesterdaySoFar().revenue().get("GBP")).isEqualByComparingTo("30.00");
        assertThat(snapshot.todayByHour()).hasSize(15); // 00:00 .. 14:00
        assertThat(snapshot.yesterdayByHour()).hasSize(24);
        assertThat(snapshot.todayByHour().get(10).orders()).isEqualTo(1);
        assertThat(snapshot.todayByHour().get(10).revenue().get("GBP")).isEqualByComparingTo("12.00");
        assertThat(snapshot.yesterdayByHour().get(10).orders()).isEqualTo(3);
        assertThat(snapshot.yesterdayByHour().get(16).orders()).isEqualTo(4);
    }

    @Test
    void keepsTheNewerOfTwoCopiesAndTellsListenersOfChangesOnly() {
        AtomicInteger changes = new AtomicInteger();
        board.onChange(changes::incrementAndGet);
        board.apply(total("SKU-A", "14:00", info("A", "toys"), 5, Map.of("GBP", "50"), 5));
        board.apply(total("SKU-A", "14:00", info("A", "toys"), 3, Map.of("GBP", "30"), 3)); // an older copy
        assertThat(board.snapshot(LiveSalesStatus.RUNNING).today().totals().units())
                .isEqualTo(5);
        assertThat(changes).hasValue(1);
    }

    @Test
    void aProductLearnedLaterGetsItsCategory() {
        board.apply(total(
                "SKU-A",
                "14:00",
                new ProductInfo("SKU-A", "SKU-A", "FUR BRUSH", null, null),
                1,
                Map.of("GBP", "10"),
                1));
        assertThat(board.snapshot(LiveSalesStatus.RUNNING)
                        .today()
                        .products()
                        .getFirst()
                        .category())
                .isEqualTo(SalesBoard.UNKNOWN_CATEGORY);
        board.apply(new ProductUpdate("SKU-A", new ProductInfo("17", "SKU-A", "Fur brush", "grooming", "Hairy")));
        ProductSales product =
                board.snapshot(LiveSalesStatus.RUNNING).today().products().getFirst();
        assertThat(product.category()).isEqualTo("grooming");
        assertThat(product.name()).as("the newer name wins").isEqualTo("Fur brush");
        assertThat(product.brand()).isEqualTo("Hairy");
    }

    @Test
    void forgetsMinutesBeforeYesterday() {
        board.apply(orders("2026-12-06T23:59:00Z", 1, "1"));
        board.apply(orders("2026-12-07T00:00:00Z", 1, "1"));
        board.purge();
        board.applyAll(List.of(orders("2026-12-06T23:59:00Z", 1, "1"))); // a late copy comes back until purged again
        board.purge();
        assertThat(board.snapshot(LiveSalesStatus.RUNNING).yesterdaySoFar().orders())
                .isEqualTo(1);
        assertThat(board.snapshot(LiveSalesStatus.RUNNING)
                        .yesterdayByHour()
                        .getFirst()
                        .orders())
                .isEqualTo(1);
    }

    private static ProductInfo info(String name, String category) {
        return new ProductInfo(null, null, name, category, null);
    }

    private static SalesTotal total(
            String product, String at, ProductInfo info, long units, Map<String, String> revenue, long version) {
        return new SalesTotal(
                product,
                SalesBoard.minute(instant(at)),
                info,
                units,
                revenue.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey, entry -> new BigDecimal(entry.getValue()))),
                version);
    }

    private static SalesTotal orders(String at, long orders, String revenue) {
        return new SalesTotal(
                SalesTotal.ALL_ORDERS,
                SalesBoard.minute(instant(at)),
                ProductInfo.UNKNOWN,
                orders,
                Map.of("GBP", new BigDecimal(revenue)),
                1);
    }

    /** "HH:mm" today (UTC = London in December) or an ISO instant. */
    private static Instant instant(String at) {
        return at.length() == 5 ? Instant.parse("2026-12-08T" + at + ":00Z") : Instant.parse(at);
    }
}
