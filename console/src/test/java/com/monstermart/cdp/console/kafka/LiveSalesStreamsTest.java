package com.monstermart.cdp.console.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.console.core.sales.BoardUpdate;
import com.monstermart.cdp.console.core.sales.LiveSalesRules;
import com.monstermart.cdp.console.core.sales.LiveSalesSnapshot;
import com.monstermart.cdp.console.core.sales.LiveSalesSnapshot.ProductSales;
import com.monstermart.cdp.console.core.sales.LiveSalesStatus;
import com.monstermart.cdp.console.core.sales.OrderReader;
import com.monstermart.cdp.console.core.sales.SalesBoard;
import com.monstermart.cdp.console.core.sales.SalesTotal;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The live sales aggregate on a real Kafka broker: resolved events in, board out — deduplication across sources,
 * the catalogue, exclusions, restart from the stores, and the delay from a record to the board.
 */
@WithCdpStack({"kafka"})
class LiveSalesStreamsTest {
    private static final ZoneId ZONE = ZoneId.of("Europe/London");
    private static final Duration PATIENCE = Duration.ofSeconds(90);

    private static String topic;
    private static String bootstrap;
    private static String applicationId;
    private static Path stateDirectory;
    private static KafkaProducer<String, String> producer;
    private static SalesBoard board;
    private static LiveSalesStreams streams;
    private static final Map<String, List<Long>> arrivals = new ConcurrentHashMap<>();

    @BeforeAll
    static void start() throws Exception {
        CdpStack stack = CdpStack.get();
        bootstrap = stack.endpoints().kafkaBootstrapServers();
        topic = stack.createTopic("resolved_events", 3);
        applicationId = "cdp-console-test-" + UUID.randomUUID();
        stateDirectory = Files.createTempDirectory("live-sales-streams");
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(ProducerConfig.LINGER_MS_CONFIG, "0");
        producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer());
        board = newBoard();
        streams = streams(board, LiveSalesStreamsTest::observe);
        streams.start();
        await().atMost(PATIENCE).until(() -> streams.status() == LiveSalesStatus.RUNNING);
    }

    @AfterAll
    static void stop() {
        if (streams != null) {
            streams.close();
        }
        if (producer != null) {
            producer.close();
        }
        dropInternalTopics();
    }

    /** The repartition and changelog topics this run's application id created (the stack may be shared). */
    private static void dropInternalTopics() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            List<String> internal = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(applicationId + "-"))
                    .toList();
            admin.deleteTopics(internal).all().get();
            admin.deleteConsumerGroups(List.of(applicationId)).all().get();
        } catch (Exception e) {
            System.err.println("Could not drop the test's internal topics: " + e.getMessage());
        }
    }

    @Test
    void countsAnOrderOnceAlthoughTheWebShopAndItsDatabaseBothReportIt() {
        String sku = unique("SKU-WEB");
        String order = unique("MM");
        send(
                "shop-web",
                "m-" + order + "-web",
                order,
                Instant.now(),
                line(sku, "Fur brush", "grooming.brush", 2, "19.90"));
        send(
                "shop-postgres",
                "m-" + order + "-db",
                order,
                Instant.now(),
                line(sku, "Fur brush", "grooming.brush", 2, "19.90"));
        send(
                "shop-web",
                "m-" + order + "-web",
                order,
                Instant.now(),
                line(sku, "Fur brush", "grooming.brush", 2, "19.90"));
        String other = unique("MM");
        send("shop-postgres", "m-" + other, other, Instant.now(), line(sku, "Fur brush", "grooming.brush", 1, "19.90"));

        ProductSales sales = awaitProduct(sku, 3);
        assertThat(sales.revenue().get("GBP")).isEqualByComparingTo("59.70");
        assertThat(sales.category()).isEqualTo("grooming.brush");
        awaitQuietly();
        assertThat(product(sku).units())
                .as("still 3 after the duplicates passed")
                .isEqualTo(3);
    }

    @Test
    void aStoreReceiptLearnsItsCategoryFromAnOlderWebOrderAndExcludedSourcesDoNotCount() {
        String sku = unique("SKU-POS");
        send(
                "shop-web",
                unique("m"),
                unique("MM"),
                Instant.now().minus(Duration.ofDays(4)),
                line(sku, "Fang floss", "dental.floss", 1, "3.50")); // too old to count: teaches the catalogue
        send("app-events", unique("m"), unique("session"), Instant.now(), line(sku, null, "dental.floss", 5, "3.50"));
        send("pos-mariadb", unique("m"), unique("R"), Instant.now(), line(sku, "FANG FLOSS", null, 2, "3.50"));

        ProductSales sales = awaitProduct(sku, 2);
        assertThat(sales.category()).isEqualTo("dental.floss");
        assertThat(sales.name()).as("the newest name").isEqualTo("FANG FLOSS");
        awaitQuietly();
        assertThat(product(sku).units())
                .as("the app's copy of the order is not counted")
                .isEqualTo(2);
    }

    @Test
    void countsOrdersAndKeepsCurrenciesApart() {
        long before = board.snapshot(LiveSalesStatus.RUNNING).today().totals().orders();
        String sku = unique("SKU-USD");
        send(
                "marketplace-purchases",
                unique("m"),
                unique("9"),
                Instant.now(),
                line(sku, null, "electronics", 1, "162.01"),
                "USD");
        send("pos-mariadb", unique("m"), unique("R"), Instant.now(), line(sku, null, "electronics", 1, "120.00"));
        ProductSales sales = awaitProduct(sku, 2);
        assertThat(sales.revenue()).containsOnlyKeys("GBP", "USD");
        assertThat(sales.revenue().get("USD")).isEqualByComparingTo("162.01");
        await().atMost(PATIENCE)
                .until(() ->
                        board.snapshot(LiveSalesStatus.RUNNING).today().totals().orders() >= before + 2);
    }

    @Test
    void aRestartedConsoleRefillsItsBoardFromTheStores() {
        String sku = unique("SKU-RESTART");
        send("pos-mariadb", unique("m"), unique("R"), Instant.now(), line(sku, "Slime", "toys", 4, "2.00"));
        awaitProduct(sku, 4);

        streams.close();
        board = newBoard(); // a restarted console starts with an empty board ...
        streams = streams(board, LiveSalesStreamsTest::observe);
        streams.start();
        await().atMost(PATIENCE).until(() -> streams.status() == LiveSalesStatus.RUNNING);
        ProductSales restored = awaitProduct(sku, 4); // ... and refills it from the restored stores
        assertThat(restored.category()).isEqualTo("toys");
        send("pos-mariadb", unique("m"), unique("R"), Instant.now(), line(sku, "Slime", "toys", 1, "2.00"));
        awaitProduct(sku, 5);
    }

    @Test
    void anOrderReachesTheBoardWithinSeconds() {
        String sku = unique("SKU-LATENCY");
        List<Long> delays = new ArrayList<>();
        for (int order = 1; order <= 30; order++) {
            long sent = System.nanoTime();
            send(
                    "shop-postgres",
                    unique("m"),
                    unique("MM"),
                    Instant.now(),
                    line(sku, "Timer", "test.latency", 1, "1.00"));
            int expected = order;
            await().atMost(PATIENCE)
                    .until(() -> arrivals.getOrDefault(sku, List.of()).size() >= expected);
            delays.add(arrivals.get(sku).get(order - 1) - sent);
        }
        Collections.sort(delays);
        long median = delays.get(delays.size() / 2) / 1_000_000;
        long worst = delays.getLast() / 1_000_000;
        System.out.printf("Live sales: record -> board, 30 orders: median %d ms, max %d ms%n", median, worst);
        assertThat(worst).as("record to board (ms)").isLessThan(5000);
    }

    private static void observe(BoardUpdate update) {
        if (update instanceof SalesTotal total) {
            arrivals.computeIfAbsent(total.productKey(), key -> Collections.synchronizedList(new ArrayList<>()))
                    .add(System.nanoTime());
        }
    }

    private static SalesBoard newBoard() {
        return new SalesBoard(ZONE, "GBP", 50, 500, Clock.systemUTC());
    }

    private static LiveSalesStreams streams(SalesBoard target, Consumer<BoardUpdate> observer) {
        OrderReader reader =
                new OrderReader(LiveSalesRules.of(List.of("app-events"), List.of("shop-web+shop-postgres"), "GBP"));
        return new LiveSalesStreams(
                LiveSalesStreams.properties(
                        bootstrap,
                        applicationId,
                        stateDirectory.resolve(UUID.randomUUID().toString()).toString(),
                        Duration.ofMillis(200)),
                LiveSalesTopology.build(topic, reader, ZONE, Duration.ofDays(3), Clock.systemUTC(), update -> {
                    target.apply(update);
                    observer.accept(update);
                }),
                topic,
                target);
    }

    private static ProductSales awaitProduct(String sku, long units) {
        await().atMost(PATIENCE)
                .until(() -> product(sku) != null && product(sku).units() >= units);
        ProductSales sales = product(sku);
        assertThat(sales.units()).isEqualTo(units);
        return sales;
    }

    private static ProductSales product(String sku) {
        LiveSalesSnapshot snapshot = board.snapshot(LiveSalesStatus.RUNNING);
        return snapshot.lastHour().products().stream()
                .filter(product -> product.productKey().equals(sku))
                .findFirst()
                .orElse(null);
    }

    /** Lets records produced before now pass both repartition hops. */
    private static void awaitQuietly() {
        String marker = unique("SKU-MARKER");
        send("pos-mariadb", unique("m"), unique("R"), Instant.now(), line(marker, null, null, 1, "1"));
        awaitProduct(marker, 1);
    }

    private static String line(String sku, String name, String category, int quantity, String price) {
        return """
                {"product_id":"%s","sku":"%s",%s%s"quantity":%d,"price":%s}""".formatted(
                        sku,
                        sku,
                        name == null ? "" : "\"name\":\"" + name + "\",",
                        category == null ? "" : "\"category\":\"" + category + "\",",
                        quantity,
                        price);
    }

    private static void send(String source, String messageId, String orderId, Instant at, String line) {
        send(source, messageId, orderId, at, line, "GBP");
    }

    private static void send(
            String source, String messageId, String orderId, Instant at, String line, String currency) {
        String event = """
                {"type":"track","event":"Order Completed","messageId":"%s","timestamp":"%s","receivedAt":"%s",
                 "userId":"u-1","profileId":"%s",
                 "properties":{"order_id":"%s","currency":"%s","products":[%s]},
                 "context":{"source":{"id":"%s","kind":"test","position":"p"},"gpc":false},"identifiers":[]}""".formatted(messageId, at, at, UUID.randomUUID(), orderId, currency, line, source);
        try {
            producer.send(new ProducerRecord<>(topic, UUID.randomUUID().toString(), event))
                    .get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
