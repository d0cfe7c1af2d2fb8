package com.monstermart.cdp.profile.maintenance;

import com.monstermart.cdp.profile.config.MaintenanceConfig;
import com.monstermart.cdp.profile.iceberg.ProfileStoreWarehouse;
import com.monstermart.cdp.profile.iceberg.TableMaintenance;
import com.monstermart.cdp.profile.iceberg.TableMaintenance.CompactionReport;
import com.monstermart.cdp.profile.iceberg.TableMaintenance.ExpiryReport;
import com.monstermart.cdp.profile.iceberg.TableMaintenance.OrphanReport;
import com.monstermart.cdp.profile.kafka.TableLock;
import com.monstermart.cdp.profile.persistence.PostgresHotStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Table maintenance on a schedule and on request (the admin API; erasure calls it to purge deleted rows from old
 * files and snapshots). Compaction and expiry take the table lock, so they never interleave with a batch commit.
 */
@Singleton
public class MaintenanceService {
    private final MaintenanceConfig config;
    private final ProfileStoreWarehouse warehouse;
    private final TableMaintenance maintenance;
    private final PostgresHotStore hotStore;
    private final TableLock lock;
    private final MeterRegistry registry;
    private final Clock clock;

    public MaintenanceService(
            MaintenanceConfig config,
            ProfileStoreWarehouse warehouse,
            TableMaintenance maintenance,
            PostgresHotStore hotStore,
            TableLock lock,
            MeterRegistry registry,
            Clock clock) {
        this.config = config;
        this.warehouse = warehouse;
        this.maintenance = maintenance;
        this.hotStore = hotStore;
        this.lock = lock;
        this.registry = registry;
        this.clock = clock;
    }

    /** Compacts one table, or all when {@code table} is empty. */
    public List<CompactionReport> compact(Optional<String> table) {
        List<CompactionReport> reports = new ArrayList<>();
        for (String name : tables(table)) {
            CompactionReport report = lock.call(() -> maintenance.compact(warehouse.table(name)));
            registry.counter("profile_store_compacted_files_total", "table", name)
                    .increment(report.dataFilesRewritten());
            reports.add(report);
        }
        return reports;
    }

    /** Expires snapshots older than {@code olderThan}, keeping the newest {@code retainLast}. */
    public List<ExpiryReport> expireSnapshots(Optional<String> table, Instant olderThan, int retainLast) {
        List<ExpiryReport> reports = new ArrayList<>();
        for (String name : tables(table)) {
            reports.add(lock.call(() -> maintenance.expireSnapshots(warehouse.table(name), olderThan, retainLast)));
        }
        return reports;
    }

    /** Removes files no snapshot references that are older than {@code olderThan}. */
    public List<OrphanReport> removeOrphanFiles(Optional<String> table, Instant olderThan) {
        List<OrphanReport> reports = new ArrayList<>();
        for (String name : tables(table)) {
            reports.add(maintenance.removeOrphanFiles(warehouse.table(name), olderThan, clock.instant()));
        }
        return reports;
    }

    private List<String> tables(Optional<String> table) {
        if (table.isPresent()) {
            warehouse.definition(table.get());
            return List.of(table.get());
        }
        return List.copyOf(warehouse.definitions().keySet());
    }

    @Scheduled(
            identity = "profile-store-compaction",
            every = "${cdp.profile-store.maintenance.compaction-every}",
            delayed = "${cdp.profile-store.maintenance.compaction-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledCompaction() {
        if (config.enabled()) {
            run("compaction", () -> compact(Optional.empty()).forEach(report -> {
                if (report.dataFilesRewritten() > 0) {
                    Log.infof(
                            "Compacted %s: %d files in %d partitions into %d, %d delete files dropped",
                            report.table(),
                            report.dataFilesRewritten(),
                            report.partitionsRewritten(),
                            report.dataFilesAdded(),
                            report.deleteFilesRemoved());
                }
            }));
        }
    }

    @Scheduled(
            identity = "profile-store-snapshot-expiry",
            every = "${cdp.profile-store.maintenance.expiry-every}",
            delayed = "${cdp.profile-store.maintenance.expiry-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledExpiry() {
        if (config.enabled()) {
            run("snapshot expiry", () -> {
                expireSnapshots(
                        Optional.empty(),
                        clock.instant().minus(config.snapshotRetention()),
                        config.retainLastSnapshots());
                hotStore.trimRecentEvents(clock.instant().minus(config.recentEventsRetention()));
            });
        }
    }

    @Scheduled(
            identity = "profile-store-orphan-removal",
            every = "${cdp.profile-store.maintenance.orphan-removal-every}",
            delayed = "${cdp.profile-store.maintenance.orphan-removal-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledOrphanRemoval() {
        if (config.enabled()) {
            run(
                    "orphan removal",
                    () -> removeOrphanFiles(Optional.empty(), clock.instant().minus(config.orphanAge())));
        }
    }

    private void run(String job, Runnable action) {
        long started = System.nanoTime();
        try {
            action.run();
            Log.debugf(
                    "Maintenance %s took %d ms",
                    job, Duration.ofNanos(System.nanoTime() - started).toMillis());
        } catch (RuntimeException e) {
            Log.errorf(e, "Maintenance %s failed; it runs again on schedule", job);
        }
    }
}
