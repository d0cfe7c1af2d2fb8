package com.monstermart.cdp.console.kafka;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.console.core.sales.BoardUpdate;
import com.monstermart.cdp.console.core.sales.CompletedOrder;
import com.monstermart.cdp.console.core.sales.OrderOwner;
import com.monstermart.cdp.console.core.sales.OrderReader;
import com.monstermart.cdp.console.core.sales.ProductInfo;
import com.monstermart.cdp.console.core.sales.SaleLine;
import com.monstermart.cdp.console.core.sales.SalesTotal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;

/**
 * The live sales aggregate:
 *
 * <pre>
 * cdp.resolved.events ─► completed orders (OrderReader) ─► by order ─► deduplicate (store order-owners)
 *     ─► product lines ─► by product ─► per minute and product (stores sales-per-minute, product-catalog)
 *     ─► the SalesBoard (in memory) ─► server-sent events
 * </pre>
 *
 * Both repartition hops and all three stores belong to the application id; the stores live in memory and are
 * restored from their changelogs.
 */
public final class LiveSalesTopology {
    /** The store the board is reloaded from after a restart or a rebalance. */
    public static final String TOTALS_STORE = AggregationProcessor.TOTALS_STORE;
    /** What is known of each product. */
    public static final String CATALOG_STORE = AggregationProcessor.CATALOG_STORE;

    private LiveSalesTopology() {}

    /**
     * @param inputTopic the resolved events
     * @param zone the business's time zone: orders since yesterday's midnight there are counted
     * @param ownerRetention how long an order's first source is remembered (duplicates later than that would count)
     * @param board receives every changed total, on the stream thread
     */
    public static Topology build(
            String inputTopic,
            OrderReader reader,
            ZoneId zone,
            Duration ownerRetention,
            Clock clock,
            Consumer<BoardUpdate> board) {
        requireNonNull(inputTopic, "inputTopic is null");
        requireNonNull(reader, "reader is null");
        requireNonNull(board, "board is null");
        SalesCalendar calendar = new SalesCalendar(zone);
        StreamsBuilder builder = new StreamsBuilder();
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(DeduplicationProcessor.STORE),
                Serdes.String(),
                new JsonSerde<>(OrderOwner.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AggregationProcessor.CATALOG_STORE),
                Serdes.String(),
                new JsonSerde<>(ProductInfo.class)));
        builder.addStateStore(Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(AggregationProcessor.TOTALS_STORE),
                Serdes.String(),
                new JsonSerde<>(SalesTotal.class)));
        builder.stream(
                        inputTopic,
                        Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("resolved-events"))
                .flatMap(
                        (key, value) -> reader.read(value)
                                .map(order -> List.of(KeyValue.pair(order.orderKey(), order)))
                                .orElse(List.of()),
                        Named.as("completed-orders"))
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(CompletedOrder.class))
                        .withName("orders-by-order"))
                .process(
                        () -> new DeduplicationProcessor(calendar, ownerRetention, clock),
                        Named.as("deduplicate-orders"),
                        DeduplicationProcessor.STORE)
                .repartition(Repartitioned.with(Serdes.String(), new JsonSerde<>(SaleLine.class))
                        .withName("lines-by-product"))
                .process(
                        () -> new AggregationProcessor(calendar, clock),
                        Named.as("aggregate-sales"),
                        AggregationProcessor.CATALOG_STORE,
                        AggregationProcessor.TOTALS_STORE)
                .foreach((key, update) -> board.accept(update), Named.as("sales-board"));
        return builder.build();
    }
}
