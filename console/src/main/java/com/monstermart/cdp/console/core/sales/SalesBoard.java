package com.monstermart.cdp.console.core.sales;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.console.core.sales.LiveSalesSnapshot.CategorySales;
import com.monstermart.cdp.console.core.sales.LiveSalesSnapshot.HourSales;
import com.monstermart.cdp.console.core.sales.LiveSalesSnapshot.Period;
import com.monstermart.cdp.console.core.sales.LiveSalesSnapshot.ProductSales;
import com.monstermart.cdp.console.core.sales.LiveSalesSnapshot.Totals;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live sales in memory: per minute and product since yesterday's midnight, as the aggregate last reported them,
 * and what is known of each product. Snapshots answer "last hour" and "today"; listeners hear of every change.
 * Thread-safe.
 */
public final class SalesBoard {
    /** The category of products whose lines never named one. */
    public static final String UNKNOWN_CATEGORY = "(unknown)";

    private static final int LAST_HOUR_MINUTES = 60;

    private final ZoneId zone;
    private final String currency;
    private final int topProducts;
    private final int lastHourProducts;
    private final Clock clock;
    private final NavigableMap<Long, Map<String, SalesTotal>> minutes = new TreeMap<>();
    private final Map<String, ProductInfo> catalog = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /**
     * @param currency the currency products are ranked by
     * @param topProducts products listed for today
     * @param lastHourProducts products listed for the last hour (all of them, up to this many)
     */
    public SalesBoard(ZoneId zone, String currency, int topProducts, int lastHourProducts, Clock clock) {
        this.zone = requireNonNull(zone, "zone is null");
        this.currency = requireNonNull(currency, "currency is null");
        this.topProducts = topProducts;
        this.lastHourProducts = lastHourProducts;
        this.clock = requireNonNull(clock, "clock is null");
    }

    public ZoneId zone() {
        return zone;
    }

    /** Takes an update; a total older than the one held (lower version) is ignored. */
    public void apply(BoardUpdate update) {
        boolean changed;
        synchronized (this) {
            changed = applyLocked(update);
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    /** Takes many updates (the aggregate's state after a restart) and tells the listeners once. */
    public void applyAll(Collection<? extends BoardUpdate> updates) {
        boolean changed = false;
        synchronized (this) {
            for (BoardUpdate update : updates) {
                changed |= applyLocked(update);
            }
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    private boolean applyLocked(BoardUpdate update) {
        return switch (update) {
            case ProductUpdate product -> learn(product.productKey(), product.product());
            case SalesTotal total -> {
                learn(total.productKey(), total.product());
                Map<String, SalesTotal> minute = minutes.computeIfAbsent(total.minute(), key -> new HashMap<>());
                SalesTotal held = minute.get(total.productKey());
                if (held != null && held.version() >= total.version()) {
                    yield false;
                }
                minute.put(total.productKey(), total);
                yield true;
            }
        };
    }

    private boolean learn(String productKey, ProductInfo product) {
        if (SalesTotal.ALL_ORDERS.equals(productKey)) {
            return false;
        }
        ProductInfo known = catalog.get(productKey);
        ProductInfo next = known == null ? product : known.learn(product);
        if (next.equals(known)) {
            return false;
        }
        catalog.put(productKey, next);
        return true;
    }

    /** Called after every change (on the thread that made it: keep it short). */
    public void onChange(Runnable listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    /** Forgets minutes before yesterday's midnight. */
    public synchronized void purge() {
        minutes.headMap(minute(startOfYesterday(clock.instant())), false).clear();
    }

    public synchronized LiveSalesSnapshot snapshot(LiveSalesStatus status) {
        Instant now = clock.instant();
        long nowMinute = minute(now);
        Instant startOfToday = startOfDay(now);
        Instant startOfYesterday = startOfYesterday(now);
        Instant lastHourFrom = Instant.ofEpochSecond((nowMinute - LAST_HOUR_MINUTES + 1) * 60);
        Instant yesterdayNow = now.atZone(zone).minusDays(1).toInstant();
        return new LiveSalesSnapshot(
                now,
                zone.getId(),
                currency,
                status,
                period(lastHourFrom, now, lastHourProducts),
                period(startOfToday, now, topProducts),
                totals(minute(startOfYesterday), minute(yesterdayNow)),
                hours(startOfToday, now),
                hours(startOfYesterday, startOfToday.minusNanos(1)));
    }

    private Period period(Instant from, Instant to, int listed) {
        long fromMinute = minute(from);
        long toMinute = minute(to);
        Map<String, Accumulator> products = new HashMap<>();
        long orders = 0;
        long units = 0;
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (Map<String, SalesTotal> minute :
                minutes.subMap(fromMinute, true, toMinute, true).values()) {
            for (SalesTotal total : minute.values()) {
                if (total.isOrderCount()) {
                    orders += total.quantity();
                    continue;
                }
                units += total.quantity();
                add(revenue, total.revenue());
                products.computeIfAbsent(total.productKey(), key -> new Accumulator())
                        .add(total);
            }
        }
        List<ProductSales> ranked = products.entrySet().stream()
                .map(entry -> productSales(entry.getKey(), entry.getValue()))
                .sorted(ranking(ProductSales::revenue, ProductSales::units).thenComparing(ProductSales::productKey))
                .toList();
        Map<String, CategoryAccumulator> categories = new HashMap<>();
        for (ProductSales product : ranked) {
            categories
                    .computeIfAbsent(product.category(), key -> new CategoryAccumulator())
                    .add(product);
        }
        List<CategorySales> rankedCategories = categories.entrySet().stream()
                .map(entry -> new CategorySales(
                        entry.getKey(), entry.getValue().units, entry.getValue().revenue, entry.getValue().products))
                .sorted(ranking(CategorySales::revenue, CategorySales::units).thenComparing(CategorySales::category))
                .toList();
        return new Period(
                from,
                to,
                new Totals(orders, units, revenue),
                ranked.subList(0, Math.min(listed, ranked.size())),
                ranked.size(),
                rankedCategories);
    }

    private Totals totals(long fromMinute, long toMinute) {
        long orders = 0;
        long units = 0;
        Map<String, BigDecimal> revenue = new TreeMap<>();
        if (toMinute >= fromMinute) {
            for (Map<String, SalesTotal> minute :
                    minutes.subMap(fromMinute, true, toMinute, true).values()) {
                for (SalesTotal total : minute.values()) {
                    if (total.isOrderCount()) {
                        orders += total.quantity();
                    } else {
                        units += total.quantity();
                        add(revenue, total.revenue());
                    }
                }
            }
        }
        return new Totals(orders, units, revenue);
    }

    private List<HourSales> hours(Instant from, Instant to) {
        List<HourSales> hours = new ArrayList<>();
        for (ZonedDateTime hour = from.atZone(zone); !hour.toInstant().isAfter(to); hour = hour.plusHours(1)) {
            Instant start = hour.toInstant();
            Totals totals = totals(minute(start), minute(start.plusSeconds(3600)) - 1);
            hours.add(new HourSales(start, totals.orders(), totals.revenue()));
        }
        return hours;
    }

    private ProductSales productSales(String productKey, Accumulator sales) {
        ProductInfo product = Objects.requireNonNullElse(catalog.get(productKey), ProductInfo.UNKNOWN);
        return new ProductSales(
                productKey,
                product.name(),
                product.category() == null ? UNKNOWN_CATEGORY : product.category(),
                product.brand(),
                sales.units,
                sales.revenue);
    }

    private <T> Comparator<T> ranking(
            java.util.function.Function<T, Map<String, BigDecimal>> revenue,
            java.util.function.ToLongFunction<T> units) {
        Comparator<T> byRevenue =
                Comparator.comparing(each -> revenue.apply(each).getOrDefault(currency, BigDecimal.ZERO));
        return byRevenue
                .reversed()
                .thenComparing(Comparator.comparingLong(units).reversed());
    }

    private static void add(Map<String, BigDecimal> sum, Map<String, BigDecimal> more) {
        more.forEach((code, amount) -> sum.merge(code, amount, BigDecimal::add));
    }

    private Instant startOfDay(Instant instant) {
        return instant.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant();
    }

    private Instant startOfYesterday(Instant instant) {
        return instant.atZone(zone)
                .toLocalDate()
                .minusDays(1)
                .atStartOfDay(zone)
                .toInstant();
    }

    /** Minutes since the epoch. */
    public static long minute(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), 60);
    }

    private static final class Accumulator {
        private long units;
        private final Map<String, BigDecimal> revenue = new TreeMap<>();

        void add(SalesTotal total) {
            units += total.quantity();
            SalesBoard.add(revenue, total.revenue());
        }
    }

    private static final class CategoryAccumulator {
        private long units;
        private int products;
        private final Map<String, BigDecimal> revenue = new TreeMap<>();

        void add(ProductSales product) {
            units += product.units();
            products++;
            SalesBoard.add(revenue, product.revenue());
        }
    }
}
