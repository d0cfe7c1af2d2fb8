package com.monstermart.cdp.ingestion.cdc;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.ingestion.core.CompiledSource;
import com.monstermart.cdp.ingestion.core.Emitter;
import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.EventSink;
import com.monstermart.cdp.ingestion.core.IngestionException;
import com.monstermart.cdp.ingestion.core.Operation;
import com.monstermart.cdp.ingestion.core.RowMapping;
import com.monstermart.cdp.ingestion.core.SourceConnector;
import com.monstermart.cdp.ingestion.core.SourceMetrics;
import io.debezium.embedded.Connect;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.kafka.connect.data.Field;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;

/**
 * Change data capture of one database with Debezium's embedded engine: initial snapshot, then streaming
 * (PostgreSQL pgoutput, MariaDB/MySQL binlog). Each batch of changes is mapped, written to Kafka and acknowledged
 * before Debezium may store its offsets, so a restart resumes after the last written change (at least once, with
 * message ids derived from the source position: a replayed change keeps its id). Tombstones, schema changes and
 * heartbeats are skipped; deletes map like other operations. The engine runs on a daemon thread and reports its end
 * through the completion callback.
 */
public final class DebeziumConnector implements SourceConnector {
    private static final Logger LOG = Logger.getLogger(DebeziumConnector.class.getName());

    private final CompiledSource source;
    private final CdcStorage storage;
    private final CdcTuning tuning;
    private final EventSink sink;
    private final SourceMetrics metrics;
    private final Clock clock;
    private final Listener listener;
    private volatile boolean stopping;
    private DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private ExecutorService executor;
    private JdbcLookupExecutor lookups;

    public DebeziumConnector(
            CompiledSource source,
            CdcStorage storage,
            CdcTuning tuning,
            EventSink sink,
            SourceMetrics metrics,
            Clock clock,
            Listener listener) {
        this.source = requireNonNull(source, "source is null");
        this.storage = requireNonNull(storage, "storage is null");
        this.tuning = requireNonNull(tuning, "tuning is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.listener = requireNonNull(listener, "listener is null");
    }

    @Override
    public synchronized void start() {
        CdcAdmin.prepare(source.spec());
        lookups = new JdbcLookupExecutor(
                CdcNames.jdbcUrl(source.spec()),
                source.spec().database().user(),
                source.spec().database().password() == null
                        ? ""
                        : source.spec().database().password());
        engine = DebeziumEngine.create(ChangeEventFormat.of(Connect.class))
                .using(DebeziumProperties.of(source.spec(), storage, tuning))
                .using(this::completed)
                .notifying(this::handleBatch)
                .build();
        executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "cdp-cdc-" + source.id());
            thread.setDaemon(true);
            return thread;
        });
        executor.execute(engine);
    }

    private void completed(boolean success, String message, Throwable error) {
        if (stopping) {
            return;
        }
        LOG.log(Level.WARNING, "CDC engine of source {0} stopped: {1}", new Object[] {source.id(), message});
        listener.failed(
                error != null
                        ? error
                        : new IngestionException(ErrorCode.SOURCE_UNAVAILABLE, "The CDC engine stopped: " + message));
    }

    private void handleBatch(
            List<RecordChangeEvent<SourceRecord>> records,
            DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer)
            throws InterruptedException {
        Emitter emitter = new Emitter(source.id(), sink, metrics, clock);
        Instant receivedAt = clock.instant();
        for (RecordChangeEvent<SourceRecord> record : records) {
            Optional<ChangeRow> row = row(record.record());
            if (row.isPresent()) {
                RowMapping mapping = source.tables().get(row.get().table());
                if (mapping != null) {
                    emitter.add(mapping.map(row.get(), receivedAt, lookups), row.get());
                }
            }
        }
        try {
            emitter.flush().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
        for (RecordChangeEvent<SourceRecord> record : records) {
            committer.markProcessed(record);
        }
        committer.markBatchFinished();
    }

    /** The change of a data record; empty for tombstones, heartbeats, schema changes and transaction markers. */
    Optional<ChangeRow> row(SourceRecord record) {
        if (!(record.value() instanceof Struct value)
                || value.schema().name() == null
                || !value.schema().name().endsWith(".Envelope")) {
            return Optional.empty();
        }
        Optional<Operation> operation = Operation.fromCode(value.getString("op"));
        if (operation.isEmpty()) {
            return Optional.empty();
        }
        Struct origin = value.getStruct("source");
        String table =
                switch (source.spec().kind()) {
                    case POSTGRES -> origin.getString("schema") + "." + origin.getString("table");
                    default -> origin.getString("db") + "." + origin.getString("table");
                };
        Map<String, Object> before = StructValues.map(value.getStruct("before"));
        Map<String, Object> after = StructValues.map(value.getStruct("after"));
        Long millis = origin.getInt64("ts_ms");
        String position = "%s table=%s key=%s op=%s"
                .formatted(
                        sourcePosition(origin),
                        table,
                        key(record),
                        operation.get().code());
        return Optional.of(new ChangeRow(
                table,
                operation.get(),
                after,
                before,
                position,
                millis == null ? null : Instant.ofEpochMilli(millis),
                value::toString));
    }

    private String sourcePosition(Struct origin) {
        return switch (source.spec().kind()) {
            case POSTGRES -> "lsn=" + origin.get("lsn");
            default -> "binlog=" + origin.get("file") + ":" + origin.get("pos") + " row=" + origin.get("row");
        };
    }

    private static String key(SourceRecord record) {
        if (!(record.key() instanceof Struct key)) {
            return String.valueOf(record.key());
        }
        StringBuilder text = new StringBuilder();
        for (Field field : key.schema().fields()) {
            if (!text.isEmpty()) {
                text.append(',');
            }
            text.append(key.get(field));
        }
        return text.toString();
    }

    @Override
    public synchronized void close() {
        stopping = true;
        if (engine != null) {
            // the engine refuses to stop while its tasks start: try again until they have started (30 s at most)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (true) {
                try {
                    engine.close();
                    break;
                } catch (IllegalStateException e) {
                    if (System.nanoTime() > deadline) {
                        LOG.log(Level.WARNING, "The CDC engine of source %s did not stop".formatted(source.id()), e);
                        break;
                    }
                    java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                } catch (IOException e) {
                    LOG.log(Level.WARNING, "Stopping the CDC engine of source %s failed".formatted(source.id()), e);
                    break;
                }
            }
        }
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (lookups != null) {
            lookups.close();
        }
    }
}
