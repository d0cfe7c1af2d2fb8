package com.monstermart.cdp.console.kafka;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.console.core.sales.BoardUpdate;
import com.monstermart.cdp.console.core.sales.ProductInfo;
import com.monstermart.cdp.console.core.sales.ProductUpdate;
import com.monstermart.cdp.console.core.sales.SaleLine;
import com.monstermart.cdp.console.core.sales.SalesBoard;
import com.monstermart.cdp.console.core.sales.SalesTotal;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Input keyed by product: adds each line to its product's total of the minute, and keeps what the lines say about
 * each product (a store's receipt names only the SKU; the web shop's lines of the same SKU name its category). Emits
 * every changed total and every product the catalogue learned more about.
 */
final class AggregationProcessor implements Processor<String, SaleLine, String, BoardUpdate> {
    static final String CATALOG_STORE = "product-catalog";
    static final String TOTALS_STORE = "sales-per-minute";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final SalesCalendar calendar;
    private final Clock clock;
    private ProcessorContext<String, BoardUpdate> context;
    private KeyValueStore<String, ProductInfo> catalog;
    private KeyValueStore<String, SalesTotal> totals;

    AggregationProcessor(SalesCalendar calendar, Clock clock) {
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void init(ProcessorContext<String, BoardUpdate> context) {
        this.context = context;
        this.catalog = context.getStateStore(CATALOG_STORE);
        this.totals = context.getStateStore(TOTALS_STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, ignored -> purge());
    }

    @Override
    public void process(Record<String, SaleLine> record) {
        SaleLine line = record.value();
        if (line == null) {
            return;
        }
        ProductInfo product = ProductInfo.UNKNOWN;
        if (!SalesTotal.ALL_ORDERS.equals(line.productKey())) {
            ProductInfo known = catalog.get(line.productKey());
            product = known == null ? line.product() : known.learn(line.product());
            if (!product.equals(known)) {
                catalog.put(line.productKey(), product);
                if (line.kind() == SaleLine.Kind.CATALOG) {
                    context.forward(
                            record.withKey(line.productKey()).withValue(new ProductUpdate(line.productKey(), product)));
                }
            }
        }
        if (line.kind() == SaleLine.Kind.CATALOG) {
            return;
        }
        String key = SalesTotal.storeKey(line.minute(), line.productKey());
        SalesTotal total = SalesTotal.add(totals.get(key), line, product);
        totals.put(key, total);
        context.forward(record.withKey(key).withValue(total));
    }

    /** Forgets minutes before yesterday's midnight (keys sort by minute). */
    private void purge() {
        String cutoff = SalesTotal.firstStoreKey(SalesBoard.minute(calendar.countedFrom(clock.instant())));
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, SalesTotal> all = totals.all()) {
            while (all.hasNext()) {
                KeyValue<String, SalesTotal> entry = all.next();
                if (entry.key.compareTo(cutoff) >= 0) {
                    break;
                }
                expired.add(entry.key);
            }
        }
        expired.forEach(totals::delete);
    }
}
