package com.monstermart.cdp.console.kafka;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.console.core.sales.BoardUpdate;
import com.monstermart.cdp.console.core.sales.LiveSalesStatus;
import com.monstermart.cdp.console.core.sales.ProductInfo;
import com.monstermart.cdp.console.core.sales.ProductUpdate;
import com.monstermart.cdp.console.core.sales.SalesBoard;
import com.monstermart.cdp.console.core.sales.SalesTotal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.jboss.logging.Logger;

/**
 * Runs the live sales aggregate: waits until its input topic exists (identity resolution creates it with its first
 * resolved event), starts Kafka Streams, and refills the {@link SalesBoard} from the stores each time the application
 * becomes RUNNING (after a restart or a rebalance the board would otherwise only see totals that change again).
 */
public final class LiveSalesStreams implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveSalesStreams.class);
    private static final Duration TOPIC_POLL = Duration.ofSeconds(2);

    private final Properties properties;
    private final Topology topology;
    private final String inputTopic;
    private final SalesBoard board;
    private final AtomicReference<LiveSalesStatus> status = new AtomicReference<>(LiveSalesStatus.STARTING);
    private final AtomicReference<KafkaStreams> streams = new AtomicReference<>();
    private volatile boolean closed;
    private Thread starter;

    /**
     * @param properties Kafka Streams settings (see {@link #properties})
     */
    public LiveSalesStreams(Properties properties, Topology topology, String inputTopic, SalesBoard board) {
        this.properties = requireNonNull(properties, "properties is null");
        this.topology = requireNonNull(topology, "topology is null");
        this.inputTopic = requireNonNull(inputTopic, "inputTopic is null");
        this.board = requireNonNull(board, "board is null");
    }

    /**
     * Kafka Streams settings for an update on screen within seconds: exactly-once (so a crash never counts an order
     * twice), a short commit interval (downstream of each repartition topic a record is readable only once its
     * transaction commits; Kafka Streams' default under exactly-once is 100 ms, 30 s otherwise) and no record cache
     * (which would hold updates until a commit or until it fills).
     */
    public static Properties properties(
            String bootstrapServers, String applicationId, String stateDirectory, Duration commitInterval) {
        Properties properties = new Properties();
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        properties.put(StreamsConfig.STATE_DIR_CONFIG, stateDirectory);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        properties.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, Long.toString(commitInterval.toMillis()));
        properties.put(StreamsConfig.STATESTORE_CACHE_MAX_BYTES_CONFIG, "0");
        properties.put(StreamsConfig.NUM_STREAM_THREADS_CONFIG, "1");
        properties.put(StreamsConfig.producerPrefix("linger.ms"), "5");
        properties.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        return properties;
    }

    /** Starts in the background; {@link #status()} tells how far it got. */
    public synchronized void start() {
        if (starter != null) {
            throw new IllegalStateException("already started");
        }
        starter = Thread.ofVirtual().name("live-sales-start").start(this::run);
    }

    private void run() {
        try {
            awaitTopic();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (closed) {
            return;
        }
        KafkaStreams created = new KafkaStreams(topology, properties);
        created.setStateListener((next, previous) -> changed(created, next));
        created.setUncaughtExceptionHandler(exception -> {
            LOG.errorf(exception, "The live sales aggregate stopped on an error");
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
        });
        synchronized (this) {
            if (closed) {
                created.close(Duration.ZERO);
                return;
            }
            streams.set(created);
            created.start();
        }
    }

    private void awaitTopic() throws InterruptedException {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, properties.get(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG));
        boolean reported = false;
        try (Admin client = Admin.create(admin)) {
            while (!closed) {
                try {
                    if (client.listTopics().names().get(10, TimeUnit.SECONDS).contains(inputTopic)) {
                        return;
                    }
                    if (!reported) {
                        LOG.infof("Live sales wait for the topic %s (identity resolution creates it)", inputTopic);
                        reported = true;
                    }
                } catch (ExecutionException | TimeoutException e) {
                    LOG.debugf("Kafka not reachable yet: %s", e.getMessage());
                }
                Thread.sleep(TOPIC_POLL.toMillis());
            }
        }
    }

    private void changed(KafkaStreams source, KafkaStreams.State next) {
        status.set(
                switch (next) {
                    case CREATED, REBALANCING -> LiveSalesStatus.REBALANCING;
                    case RUNNING -> LiveSalesStatus.RUNNING;
                    case PENDING_ERROR, ERROR -> LiveSalesStatus.FAILED;
                    case PENDING_SHUTDOWN, NOT_RUNNING -> LiveSalesStatus.FAILED;
                });
        if (next == KafkaStreams.State.RUNNING) {
            Thread.ofVirtual().name("live-sales-reload").start(() -> reload(source));
        }
    }

    /** Puts every stored total and product on the board (the board keeps the newer of two copies). */
    private void reload(KafkaStreams source) {
        try {
            List<BoardUpdate> updates = new ArrayList<>();
            ReadOnlyKeyValueStore<String, ProductInfo> catalog = source.store(StoreQueryParameters.fromNameAndType(
                    LiveSalesTopology.CATALOG_STORE, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, ProductInfo> all = catalog.all()) {
                while (all.hasNext()) {
                    KeyValue<String, ProductInfo> entry = all.next();
                    updates.add(new ProductUpdate(entry.key, entry.value));
                }
            }
            ReadOnlyKeyValueStore<String, SalesTotal> totals = source.store(StoreQueryParameters.fromNameAndType(
                    LiveSalesTopology.TOTALS_STORE, QueryableStoreTypes.keyValueStore()));
            try (KeyValueIterator<String, SalesTotal> all = totals.all()) {
                while (all.hasNext()) {
                    updates.add(all.next().value);
                }
            }
            board.applyAll(updates);
            LOG.debugf("Live sales board reloaded: %d totals and products", updates.size());
        } catch (InvalidStateStoreException e) {
            LOG.debugf("Live sales stores not queryable yet (%s); the next RUNNING reloads", e.getMessage());
        }
    }

    public LiveSalesStatus status() {
        return status.get();
    }

    @Override
    public void close() {
        KafkaStreams running;
        synchronized (this) {
            closed = true;
            running = streams.get();
        }
        if (starter != null) {
            starter.interrupt();
        }
        if (running != null) {
            running.close(Duration.ofSeconds(10));
        }
    }
}
