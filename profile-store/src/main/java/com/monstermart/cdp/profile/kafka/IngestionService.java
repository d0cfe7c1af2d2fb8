package com.monstermart.cdp.profile.kafka;

import com.monstermart.cdp.profile.config.IngestionConfig;
import com.monstermart.cdp.profile.core.BatchResult;
import com.monstermart.cdp.profile.core.EventRows;
import com.monstermart.cdp.profile.core.TraitComparator;
import com.monstermart.cdp.profile.iceberg.IcebergBatchWriter.TableCommit;
import com.monstermart.cdp.profile.iceberg.ProfileStoreWarehouse;
import com.monstermart.cdp.profile.persistence.PostgresHotStore;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Runs the {@link IngestionLoop} on its own thread for the service's lifetime and reports it as metrics. */
@Singleton
public class IngestionService {
    private final IngestionConfig config;
    private final ProfileStoreWarehouse warehouse;
    private final PostgresHotStore hotStore;
    private final EventRows eventRows;
    private final TraitComparator comparator;
    private final TableLock lock;
    private final MeterRegistry registry;
    private final Clock clock;
    private final String bootstrapServers;
    private final AtomicReference<Instant> lastCommit = new AtomicReference<>();
    private final AtomicReference<String> lastFailure = new AtomicReference<>();
    private IngestionLoop loop;

    public IngestionService(
            IngestionConfig config,
            ProfileStoreWarehouse warehouse,
            PostgresHotStore hotStore,
            EventRows eventRows,
            TraitComparator comparator,
            TableLock lock,
            MeterRegistry registry,
            Clock clock,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.warehouse = warehouse;
        this.hotStore = hotStore;
        this.eventRows = eventRows;
        this.comparator = comparator;
        this.lock = lock;
        this.registry = registry;
        this.clock = clock;
        this.bootstrapServers = bootstrapServers;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            Log.info("Profile store ingestion is disabled (cdp.profile-store.ingestion.enabled=false)");
            return;
        }
        IngestionSettings settings = new IngestionSettings(
                bootstrapServers,
                config.eventsTopic(),
                config.changesTopic(),
                config.groupId(),
                config.maxBatchRecords(),
                config.commitInterval(),
                config.pollTimeout(),
                config.messageIndexCapacity(),
                config.maxOpenFilesPerTable(),
                config.kafka());
        loop = new IngestionLoop(settings, warehouse, hotStore, eventRows, comparator, lock, new Metrics(), clock);
        Thread thread = new Thread(loop, "profile-store-ingestion");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (loop != null && !loop.stop(Duration.ofSeconds(30))) {
            Log.warn("Profile store ingestion did not stop within 30 s; its batch will be replayed at the next start");
        }
    }

    /** Whether ingestion is enabled. */
    public boolean enabled() {
        return config.enabled();
    }

    /** Whether the loop is running (false before it started and after it stopped). */
    public boolean running() {
        return loop != null && loop.isRunning();
    }

    public Optional<Instant> lastCommit() {
        return Optional.ofNullable(lastCommit.get());
    }

    /** The last failure's message, if the last batch failed. */
    public Optional<String> lastFailure() {
        return Optional.ofNullable(lastFailure.get());
    }

    private final class Metrics implements IngestionListener {
        private final Counter events = registry.counter("profile_store_events_total");
        private final Counter duplicates = registry.counter("profile_store_duplicates_total");
        private final Counter unreadable = registry.counter("profile_store_unreadable_total");
        private final Counter changes = registry.counter("profile_store_profile_changes_total");
        private final Counter dataFiles = registry.counter("profile_store_data_files_total");
        private final Counter failures = registry.counter("profile_store_batch_failures_total");
        private final Timer batch = registry.timer("profile_store_batch_seconds");
        private final Timer hot = registry.timer("profile_store_hot_store_commit_seconds");
        private final Timer hotWait = registry.timer("profile_store_hot_store_wait_seconds");

        @Override
        public void started(long messageIdsLoaded) {
            Log.infof("Deduplication index rebuilt from %d recent events", messageIdsLoaded);
        }

        @Override
        public void tablesCommitted(BatchResult result) {
            // Nothing to do between the table and hot-store commits.
        }

        @Override
        public void batchCommitted(BatchReport report) {
            events.increment(report.counters().events());
            duplicates.increment(report.counters().duplicates());
            unreadable.increment(report.counters().unreadable());
            changes.increment(report.counters().changes());
            dataFiles.increment(report.dataFiles());
            batch.record(Duration.ofMillis(report.batchMillis()));
            hot.record(Duration.ofMillis(report.hotStoreMillis()));
            hotWait.record(Duration.ofMillis(report.hotStoreWaitMillis()));
            for (TableCommit commit : report.commits()) {
                registry.timer("profile_store_iceberg_commit_seconds", "table", commit.table())
                        .record(Duration.ofMillis(commit.commitMillis()));
            }
            if (report.counters().unreadable() > 0) {
                Log.warnf(
                        "Skipped %d unreadable input records", report.counters().unreadable());
            }
            lastCommit.set(report.committedAt());
            lastFailure.set(null);
        }

        @Override
        public void batchFailed(RuntimeException failure, long retryInMillis) {
            failures.increment();
            lastFailure.set(failure.getMessage());
        }
    }
}
