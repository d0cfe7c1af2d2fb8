package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the Live sales screen shows at one moment. Revenue is always by currency (ISO 4217 code → amount): amounts
 * in different currencies are never added up.
 *
 * @param asOf when it was computed
 * @param zone the time zone of "today"
 * @param currency the currency products are ranked by (the configured default)
 * @param lastHour the current minute and the 59 before it
 * @param today since midnight in {@code zone}
 * @param yesterdaySoFar yesterday from midnight to the same time of day, to compare today with
 * @param todayByHour today's hours up to the current one
 * @param yesterdayByHour yesterday's hours
 */
public record LiveSalesSnapshot(
        Instant asOf,
        String zone,
        String currency,
        LiveSalesStatus status,
        Period lastHour,
        Period today,
        Totals yesterdaySoFar,
        List<HourSales> todayByHour,
        List<HourSales> yesterdayByHour) {
    public LiveSalesSnapshot {
        requireNonNull(asOf, "asOf is null");
        requireNonNull(zone, "zone is null");
        requireNonNull(currency, "currency is null");
        requireNonNull(status, "status is null");
        requireNonNull(lastHour, "lastHour is null");
        requireNonNull(today, "today is null");
        requireNonNull(yesterdaySoFar, "yesterdaySoFar is null");
        todayByHour = List.copyOf(todayByHour);
        yesterdayByHour = List.copyOf(yesterdayByHour);
    }

    /**
     * Sales in a period.
     *
     * @param products the best-selling products, ranked by revenue in the ranking currency, then units
     * @param productCount how many products sold in the period (more than {@code products} lists when cut)
     * @param categories every category, ranked like products; products without one are in {@code (unknown)}
     */
    public record Period(
            Instant from,
            Instant to,
            Totals totals,
            List<ProductSales> products,
            int productCount,
            List<CategorySales> categories) {
        public Period {
            requireNonNull(from, "from is null");
            requireNonNull(to, "to is null");
            requireNonNull(totals, "totals is null");
            products = List.copyOf(products);
            categories = List.copyOf(categories);
        }
    }

    public record Totals(long orders, long units, Map<String, BigDecimal> revenue) {
        public Totals {
            revenue = sorted(revenue);
        }
    }

    public record ProductSales(
            String productKey,
            String name,
            String category,
            String brand,
            long units,
            Map<String, BigDecimal> revenue) {
        public ProductSales {
            requireNonNull(productKey, "productKey is null");
            revenue = sorted(revenue);
        }
    }

    public record CategorySales(String category, long units, Map<String, BigDecimal> revenue, int products) {
        public CategorySales {
            requireNonNull(category, "category is null");
            revenue = sorted(revenue);
        }
    }

    /** @param hour the start of the hour */
    public record HourSales(Instant hour, long orders, Map<String, BigDecimal> revenue) {
        public HourSales {
            requireNonNull(hour, "hour is null");
            revenue = sorted(revenue);
        }
    }

    private static Map<String, BigDecimal> sorted(Map<String, BigDecimal> revenue) {
        return Collections.unmodifiableSortedMap(new TreeMap<>(requireNonNull(revenue, "revenue is null")));
    }
}
