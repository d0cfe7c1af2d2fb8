package com.monstermart.cdp.console.kafka;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.console.core.sales.CompletedOrder;
import com.monstermart.cdp.console.core.sales.OrderDeduplication;
import com.monstermart.cdp.console.core.sales.OrderLine;
import com.monstermart.cdp.console.core.sales.OrderOwner;
import com.monstermart.cdp.console.core.sales.ProductInfo;
import com.monstermart.cdp.console.core.sales.SaleLine;
import com.monstermart.cdp.console.core.sales.SalesBoard;
import com.monstermart.cdp.console.core.sales.SalesTotal;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Input keyed by order: counts each order once ({@link OrderDeduplication}) and splits it into product lines and one
 * order count per currency, keyed by product. Orders older than yesterday's midnight only teach the catalogue.
 */
final class DeduplicationProcessor implements Processor<String, CompletedOrder, String, SaleLine> {
    static final String STORE = "order-owners";
    private static final Duration PURGE_INTERVAL = Duration.ofMinutes(10);

    private final SalesCalendar calendar;
    private final Duration retention;
    private final Clock clock;
    private ProcessorContext<String, SaleLine> context;
    private KeyValueStore<String, OrderOwner> owners;

    DeduplicationProcessor(SalesCalendar calendar, Duration retention, Clock clock) {
        this.calendar = requireNonNull(calendar, "calendar is null");
        this.retention = requireNonNull(retention, "retention is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public void init(ProcessorContext<String, SaleLine> context) {
        this.context = context;
        this.owners = context.getStateStore(STORE);
        context.schedule(PURGE_INTERVAL, PunctuationType.WALL_CLOCK_TIME, ignored -> purge());
    }

    @Override
    public void process(Record<String, CompletedOrder> record) {
        CompletedOrder order = record.value();
        if (order == null) {
            return;
        }
        Instant now = clock.instant();
        long minute = SalesBoard.minute(order.occurredAt());
        if (order.occurredAt().isBefore(calendar.countedFrom(now))) {
            for (OrderLine line : order.lines()) {
                forward(
                        record,
                        new SaleLine(
                                SaleLine.Kind.CATALOG,
                                line.productKey(),
                                line.product(),
                                minute,
                                0,
                                BigDecimal.ZERO,
                                line.currency()));
            }
            return;
        }
        OrderDeduplication.Decision decision =
                OrderDeduplication.decide(Optional.ofNullable(owners.get(order.orderKey())), order, now);
        if (!decision.counts()) {
            return;
        }
        owners.put(order.orderKey(), decision.owner());
        Map<String, BigDecimal> revenue = new TreeMap<>();
        for (OrderLine line : order.lines()) {
            revenue.merge(line.currency(), line.revenue(), BigDecimal::add);
            forward(
                    record,
                    new SaleLine(
                            SaleLine.Kind.SALE,
                            line.productKey(),
                            line.product(),
                            minute,
                            line.quantity(),
                            line.revenue(),
                            line.currency()));
        }
        long orders = 1; // an order in several currencies (rare) counts once, under its first currency
        for (Map.Entry<String, BigDecimal> amount : revenue.entrySet()) {
            forward(
                    record,
                    new SaleLine(
                            SaleLine.Kind.ORDER,
                            SalesTotal.ALL_ORDERS,
                            ProductInfo.UNKNOWN,
                            minute,
                            orders,
                            amount.getValue(),
                            amount.getKey()));
            orders = 0;
        }
    }

    private void forward(Record<String, CompletedOrder> record, SaleLine line) {
        context.forward(record.withKey(line.productKey()).withValue(line));
    }

    /** Forgets orders first counted longer ago than the retention. */
    private void purge() {
        Instant cutoff = clock.instant().minus(retention);
        List<String> expired = new ArrayList<>();
        try (KeyValueIterator<String, OrderOwner> all = owners.all()) {
            while (all.hasNext()) {
                KeyValue<String, OrderOwner> entry = all.next();
                if (entry.value.firstSeenAt().isBefore(cutoff)) {
                    expired.add(entry.key);
                }
            }
        }
        expired.forEach(owners::delete);
    }
}
