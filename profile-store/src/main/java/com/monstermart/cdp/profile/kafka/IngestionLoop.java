package com.monstermart.cdp.profile.kafka;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.profile.core.BackgroundStateStore;
import com.monstermart.cdp.profile.core.BatchProcessor;
import com.monstermart.cdp.profile.core.BatchResult;
import com.monstermart.cdp.profile.core.EventRows;
import com.monstermart.cdp.profile.core.InputRecord;
import com.monstermart.cdp.profile.core.MessageIdIndex;
import com.monstermart.cdp.profile.core.ProfileStoreTables;
import com.monstermart.cdp.profile.core.StateStore;
import com.monstermart.cdp.profile.core.StreamPartition;
import com.monstermart.cdp.profile.core.TraitComparator;
import com.monstermart.cdp.profile.core.Watermarks;
import com.monstermart.cdp.profile.iceberg.IcebergBatchWriter;
import com.monstermart.cdp.profile.iceberg.IcebergBatchWriter.TableCommit;
import com.monstermart.cdp.profile.iceberg.ProfileStoreWarehouse;
import com.monstermart.cdp.profile.iceberg.RecentMessageIds;
import com.monstermart.cdp.profile.iceberg.SnapshotOffsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code cdp.resolved.events} and {@code cdp.identity.changes} and writes them in micro-batches: a batch ends
 * after {@code maxBatchRecords} records or {@code maxBatchInterval}, whichever comes first; then the Iceberg tables
 * commit (each with the batch's offsets in its snapshot summary), then the hot store (with the same offsets, in one
 * transaction), and only then the Kafka consumer offsets.
 *
 * <p>The hot-store transaction runs in the background ({@link BackgroundStateStore}) while the next batch polls and
 * folds, reading the committing batch's states through the store's overlay. The loop waits for it before the next
 * batch's Iceberg commit and commits the batch's Kafka offsets only after it; if it failed, the next batch is
 * abandoned and the loop rewinds to the hot store's offsets, as after any failed batch. So the order of commits
 * per batch, and between batches, stays: Iceberg, hot store, Kafka.
 *
 * <p>On start, and after a failed batch, it reads where every table and the hot store stand and resumes from the
 * hot store's offsets: a crash anywhere between those commits neither loses nor duplicates rows (see {@link
 * Watermarks}). Runs on one thread ({@link #run()}); {@link #close()} stops it after the current batch, {@link
 * #halt()} abandons the current batch as a crash would.
 */
public final class IngestionLoop implements Runnable, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(IngestionLoop.class);
    private static final long MAX_BACKOFF_MILLIS = 30_000;

    private final IngestionSettings settings;
    private final ProfileStoreWarehouse warehouse;
    private final StateStore hotStore;
    private final EventRows eventRows;
    private final TraitComparator comparator;
    private final TableLock lock;
    private final IngestionListener listener;
    private final Clock clock;
    private final InputDecoder decoder;
    private final MessageIdIndex messageIds;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final CountDownLatch stopping = new CountDownLatch(1);

    private volatile boolean closing;
    private volatile boolean halted;
    private volatile boolean running;
    private volatile KafkaConsumer<byte[], byte[]> consumer;
    private volatile Thread loopThread;
    private Watermarks watermarks = Watermarks.none();
    private BackgroundStateStore store;
    private PendingBatch pending;
    private BatchProcessor processor;
    private IcebergBatchWriter writer;
    private boolean batchOpen;
    private int batchRecords;
    private long batchStartedNanos;

    public IngestionLoop(
            IngestionSettings settings,
            ProfileStoreWarehouse warehouse,
            StateStore store,
            EventRows eventRows,
            TraitComparator comparator,
            TableLock lock,
            IngestionListener listener,
            Clock clock) {
        this.settings = requireNonNull(settings, "settings is null");
        this.warehouse = requireNonNull(warehouse, "warehouse is null");
        this.hotStore = requireNonNull(store, "store is null");
        this.eventRows = requireNonNull(eventRows, "eventRows is null");
        this.comparator = requireNonNull(comparator, "comparator is null");
        this.lock = requireNonNull(lock, "lock is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.decoder = new InputDecoder(settings.eventsTopic(), settings.changesTopic(), eventRows, clock);
        this.messageIds = new MessageIdIndex(settings.messageIndexCapacity());
    }

    /** Whether the loop is polling (it has started and not stopped). */
    public boolean isRunning() {
        return running;
    }

    @Override
    public void run() {
        running = true;
        loopThread = Thread.currentThread();
        KafkaConsumer<byte[], byte[]> kafka = new KafkaConsumer<>(consumerProperties());
        store = new BackgroundStateStore(hotStore);
        try {
            consumer = kafka;
            long loaded = startUp();
            if (loaded < 0) {
                return;
            }
            listener.started(loaded);
            LOG.info(
                    "Profile store ingestion started: topics {} and {}, group {}, {} recent message ids loaded",
                    settings.eventsTopic(),
                    settings.changesTopic(),
                    settings.groupId(),
                    loaded);
            kafka.subscribe(List.of(settings.eventsTopic(), settings.changesTopic()), new Rebalance());
            long backoff = 1_000;
            boolean rewindNeeded = false;
            while (!closing && !halted) {
                try {
                    if (rewindNeeded) {
                        readWatermarks();
                        rewind(kafka.assignment());
                        rewindNeeded = false;
                    }
                    pollBatch();
                    if (!halted) {
                        flush();
                    }
                    backoff = 1_000;
                } catch (WakeupException e) {
                    if (!closing && !halted) {
                        throw e;
                    }
                } catch (RuntimeException e) {
                    abandonBatch();
                    listener.batchFailed(e, backoff);
                    LOG.error("Profile store batch failed; retrying from the hot store's offsets in {} ms", backoff, e);
                    sleep(backoff);
                    backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
                    rewindNeeded = true;
                }
            }
            if (closing && !halted) {
                flush();
                finishPendingBatch();
            }
        } finally {
            abandonBatch();
            store.close();
            close(kafka);
            running = false;
            consumer = null;
            stopped.countDown();
        }
    }

    /** Leaves the group cleanly, so a restarted loop gets the partitions at once. */
    private static void close(KafkaConsumer<byte[], byte[]> kafka) {
        try {
            kafka.close(Duration.ofSeconds(10));
        } catch (WakeupException e) {
            LOG.debug("A wakeup interrupted closing the consumer; the group drops it after its session timeout");
        }
    }

    private Properties consumerProperties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        properties.put(ConsumerConfig.MAX_POLL_INTERVAL_MS_CONFIG, "900000");
        properties.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        properties.putAll(settings.kafkaProperties());
        return properties;
    }

    private void readWatermarks() {
        Map<String, Map<StreamPartition, Long>> tables = new HashMap<>();
        for (String table : warehouse.definitions().keySet()) {
            tables.put(table, SnapshotOffsets.read(warehouse.table(table)));
        }
        watermarks = new Watermarks(tables, store.committedOffsets());
    }

    /** Polls until the batch is full or its interval is over. */
    private void pollBatch() {
        long deadline = System.nanoTime() + settings.maxBatchInterval().toNanos();
        while (!closing && !halted && batchRecords < settings.maxBatchRecords()) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            Duration timeout =
                    Duration.ofNanos(Math.min(remaining, settings.pollTimeout().toNanos()));
            ConsumerRecords<byte[], byte[]> records = consumer.poll(timeout);
            if (store.commitEnded()) {
                finishPendingBatch();
            }
            if (records.isEmpty()) {
                continue;
            }
            List<ConsumerRecord<byte[], byte[]>> polled = new ArrayList<>(records.count());
            records.forEach(polled::add);
            // Decoding and building event rows is stateless: it uses every core; folding into state stays in order.
            List<InputRecord> decoded = polled.parallelStream()
                    .map(record -> decoder.decode(record.topic(), record.partition(), record.offset(), record.value()))
                    .toList();
            openBatch();
            processor.accept(decoded);
            batchRecords += decoded.size();
        }
    }

    private void openBatch() {
        if (batchOpen) {
            return;
        }
        writer = new IcebergBatchWriter(warehouse, settings.maxOpenFilesPerTable());
        processor = new BatchProcessor(store, writer, eventRows, messageIds, comparator, clock);
        processor.begin(watermarks);
        batchOpen = true;
        batchRecords = 0;
        batchStartedNanos = System.nanoTime();
    }

    /**
     * Commits the open batch's tables and starts its hot-store commit in the background, after the previous batch's
     * hot-store commit has ended (and that batch's Kafka offsets are committed). Without an open batch, finishes the
     * previous one.
     */
    private void flush() {
        if (!batchOpen) {
            finishPendingBatch();
            return;
        }
        BatchResult result = processor.finish();
        Map<StreamPartition, Long> offsets = result.stateChanges().offsets();
        Map<StreamPartition, Long> lastOffsets = processor.lastOffsets();
        // The previous batch's hot-store commit must be in before this batch's tables: a failure there abandons this
        // batch (it read that batch's states) and rewinds.
        long waitStarted = System.nanoTime();
        finishPendingBatch();
        long waitedMillis = (System.nanoTime() - waitStarted) / 1_000_000;
        long tablesStarted = System.nanoTime();
        List<TableCommit> commits = lock.call(() -> writer.commit(offsets));
        long tablesMillis = (System.nanoTime() - tablesStarted) / 1_000_000;
        // From here on a failure replays the batch from the hot store's offsets; it must not be finished twice.
        batchOpen = false;
        batchRecords = 0;
        if (halted) {
            return;
        }
        listener.tablesCommitted(result);
        if (halted) {
            return;
        }
        store.commitInBackground(result.stateChanges());
        pending = new PendingBatch(result, lastOffsets, commits, tablesMillis, waitedMillis, batchStartedNanos);
        // The next batch starts where the hot store will be once this commit is in.
        watermarks = new Watermarks(Map.of(), offsets);
    }

    /** Waits for the previous batch's hot-store commit (rethrowing its failure), then commits its Kafka offsets. */
    private void finishPendingBatch() {
        if (pending == null) {
            return;
        }
        PendingBatch batch = pending;
        long hotMillis;
        try {
            hotMillis = store.awaitCommit();
        } finally {
            pending = null;
        }
        if (halted) {
            return;
        }
        listener.hotStoreCommitted(batch.result());
        if (halted) {
            return;
        }
        Map<TopicPartition, OffsetAndMetadata> kafkaOffsets = new HashMap<>();
        batch.lastOffsets()
                .forEach((partition, offset) -> kafkaOffsets.put(
                        new TopicPartition(partition.topic(), partition.partition()),
                        new OffsetAndMetadata(offset + 1)));
        if (!kafkaOffsets.isEmpty()) {
            try {
                consumer.commitSync(kafkaOffsets);
            } catch (WakeupException e) {
                if (halted || !closing) {
                    throw e;
                }
                // stop() woke the consumer to end a poll that this commit came before; the wakeup is spent now.
                consumer.commitSync(kafkaOffsets);
            }
        }
        BatchReport report = new BatchReport(
                Instant.now(clock),
                batch.result().counters(),
                batch.commits(),
                batch.tablesMillis(),
                hotMillis,
                batch.waitedMillis(),
                (System.nanoTime() - batch.startedNanos()) / 1_000_000);
        listener.batchCommitted(report);
        LOG.debug(
                "Committed a batch of {} records ({} event rows, {} duplicates) in {} ms",
                batch.result().counters().records(),
                batch.result().counters().eventRows(),
                batch.result().counters().duplicates(),
                report.batchMillis());
    }

    /** A batch whose tables are committed and whose hot-store commit runs in the background. */
    private record PendingBatch(
            BatchResult result,
            Map<StreamPartition, Long> lastOffsets,
            List<TableCommit> commits,
            long tablesMillis,
            long waitedMillis,
            long startedNanos) {}

    /**
     * Drops the open batch and waits for a hot-store commit in flight to end, whatever its outcome: the loop then
     * reads the hot store's offsets again (its Kafka offsets are left to the next batch).
     */
    private void abandonBatch() {
        if (writer != null) {
            writer.abort();
        }
        batchOpen = false;
        batchRecords = 0;
        pending = null;
        if (store != null) {
            store.awaitQuietly();
        }
    }

    private void rewind(Collection<TopicPartition> partitions) {
        for (TopicPartition partition : partitions) {
            long resume = watermarks.resumeOffset(new StreamPartition(partition.topic(), partition.partition()));
            if (resume > 0) {
                consumer.seek(partition, resume);
            } else {
                consumer.seekToBeginning(List.of(partition));
            }
        }
    }

    /** Seeks newly assigned partitions to the hot store's offsets; commits the batch before partitions go. */
    private final class Rebalance implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            rewind(partitions);
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            if (!halted) {
                flush();
                finishPendingBatch();
            }
        }
    }

    /** Loads the deduplication index and the watermarks, retrying until it works; -1 when stopped meanwhile. */
    private long startUp() {
        long backoff = 1_000;
        while (!closing && !halted) {
            try {
                long loaded = RecentMessageIds.load(warehouse.table(ProfileStoreTables.EVENTS), messageIds);
                readWatermarks();
                return loaded;
            } catch (RuntimeException e) {
                listener.batchFailed(e, backoff);
                LOG.error("Profile store ingestion cannot start; retrying in {} ms", backoff, e);
                sleep(backoff);
                backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
            }
        }
        return -1;
    }

    private void sleep(long millis) {
        try {
            stopping.await(millis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closing = true;
        }
    }

    /** Stops after committing the current batch; waits up to {@code timeout}. */
    public boolean stop(Duration timeout) {
        closing = true;
        stopping.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops at once, abandoning the current batch wherever it is (as a crash would); for tests. */
    public void halt() {
        halted = true;
        stopping.countDown();
        KafkaConsumer<byte[], byte[]> current = consumer;
        if (current != null && Thread.currentThread() != loopThread) {
            current.wakeup();
        }
    }

    /** Waits until the loop has ended. */
    public boolean awaitStopped(Duration timeout) {
        try {
            return stopped.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(60));
    }
}
