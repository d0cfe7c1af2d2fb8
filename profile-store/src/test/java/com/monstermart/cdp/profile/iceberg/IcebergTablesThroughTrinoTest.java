package com.monstermart.cdp.profile.iceberg;

import static com.monstermart.cdp.profile.testing.TestEvents.T0;
import static com.monstermart.cdp.profile.testing.TestEvents.at;
import static com.monstermart.cdp.profile.testing.TestEvents.change;
import static com.monstermart.cdp.profile.testing.TestEvents.cipher;
import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.profile.core.BatchProcessor;
import com.monstermart.cdp.profile.core.BatchResult;
import com.monstermart.cdp.profile.core.ColumnType;
import com.monstermart.cdp.profile.core.EventRows;
import com.monstermart.cdp.profile.core.InputRecord;
import com.monstermart.cdp.profile.core.MessageIdIndex;
import com.monstermart.cdp.profile.core.ProfileChange.ProfilesMerged;
import com.monstermart.cdp.profile.core.ProfileStoreTables;
import com.monstermart.cdp.profile.core.PromotedProperty;
import com.monstermart.cdp.profile.core.StreamPartition;
import com.monstermart.cdp.profile.core.TraitComparator;
import com.monstermart.cdp.profile.core.Watermarks;
import com.monstermart.cdp.profile.testing.InMemoryStateStore;
import com.monstermart.cdp.profile.testing.TestEvents;
import com.monstermart.cdp.profile.testing.Trino;
import com.monstermart.cdp.profile.testing.Warehouses;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The processor's rows written by the Iceberg writer and read back through Trino. */
@WithCdpStack("trino")
class IcebergTablesThroughTrinoTest {
    private CdpStack stack;
    private String namespace;
    private ProfileStoreWarehouse warehouse;
    private Trino trino;
    private final InMemoryStateStore store = new InMemoryStateStore();

    @BeforeEach
    void setUp(CdpStack cdpStack) {
        stack = cdpStack;
        namespace = stack.createTrinoSchema("profile_store");
        warehouse = Warehouses.open(stack.endpoints(), namespace, List.of());
        trino = Trino.connect(stack, namespace);
    }

    @AfterEach
    void tearDown() {
        trino.close();
        warehouse.close();
    }

    private BatchResult batch(List<PromotedProperty> promoted, InputRecord... records) {
        return batch(new IcebergBatchWriter(warehouse), promoted, records);
    }

    private BatchResult batch(IcebergBatchWriter writer, List<PromotedProperty> promoted, InputRecord... records) {
        BatchProcessor processor = new BatchProcessor(
                store,
                writer,
                new EventRows(promoted),
                new MessageIdIndex(10_000),
                TraitComparator.EQUALS,
                Clock.systemUTC());
        processor.begin(new Watermarks(Map.of(), store.committedOffsets()));
        processor.accept(Arrays.asList(records));
        BatchResult result = processor.finish();
        writer.commit(result.stateChanges().offsets());
        store.commit(result.stateChanges());
        return result;
    }

    @Test
    void aBatchOverManyPartitionsWritesOneFileEachWithBoundedOpenFiles() {
        // Rows alternate between two days (two partitions), as a backfill's rows do over many.
        batch(new IcebergBatchWriter(warehouse), List.of(), alternatingDays("a-"));
        assertThat(trino.rows("SELECT count(*) FROM \"events$files\"")).containsExactly(List.of("2"));

        // One open file and a buffer of two rows: files are opened, closed and opened again, and no row is lost.
        batch(new IcebergBatchWriter(warehouse, 1, 2), List.of(), alternatingDays("b-"));
        assertThat(trino.rows("SELECT date(occurred_at), count(*) FROM events GROUP BY 1 ORDER BY 1"))
                .containsExactly(List.of("2026-11-20", "6"), List.of("2026-11-21", "6"));
        assertThat(trino.rows("SELECT count(*) FROM \"events$files\"")).containsExactly(List.of("5"));
    }

    private static InputRecord[] alternatingDays(String prefix) {
        InputRecord[] records = new InputRecord[6];
        for (int i = 0; i < records.length; i++) {
            records[i] = at(
                    prefix.equals("a-") ? 0 : 1,
                    i,
                    TestEvents.productViewed("p-1", prefix + i, T0.plusSeconds(i % 2 * 86_400L + i), "sku-1", "4.50"));
        }
        return records;
    }

    @Test
    void everyTableIsQueryableInTrinoWithUpsertsAndHistoryApplied() {
        batch(
                List.of(),
                at(0, 0, TestEvents.identify("p-1", "m-1", T0, Map.of("email", cipher("a"), "country", "NL"))),
                at(0, 1, TestEvents.productViewed("p-1", "m-2", T0.plusSeconds(10), "sku-1", "4.50")),
                at(1, 0, TestEvents.identify("p-2", "m-3", T0.plusSeconds(20), Map.of("email", cipher("x")))),
                at(1, 1, TestEvents.orderCompleted("p-2", "m-4", T0.plusSeconds(86_400), "o-1", "29.00")));
        batch(
                List.of(),
                at(0, 2, TestEvents.identify("p-1", "m-5", T0.plusSeconds(60), Map.of("email", cipher("b")))),
                at(0, 3, TestEvents.productViewed("p-1", "m-6", T0.plusSeconds(3600), "sku-1", "5.00")));
        batch(List.of(), change(0, 0, new ProfilesMerged("p-1", "p-2", T0.plusSeconds(100_000))));

        assertThat(trino.rows("SELECT date(occurred_at), type, count(*) FROM events GROUP BY 1, 2 ORDER BY 1, 2"))
                .containsExactly(
                        List.of("2026-11-20", "identify", "3"),
                        List.of("2026-11-20", "track", "2"),
                        List.of("2026-11-21", "track", "1"));
        assertThat(trino.rows("SELECT profile_id, status, merged_into, email, country, event_count, order_count,"
                        + " lifetime_revenue FROM profiles ORDER BY profile_id"))
                .containsExactly(
                        Arrays.asList("p-1", "active", null, cipher("b"), "NL", "6", "1", "29.00"),
                        Arrays.asList("p-2", "merged", "p-1", cipher("x"), null, "2", "1", "29.00"));
        assertThat(trino.rows("SELECT profile_id, version, change, is_current, email FROM profile_history"
                        + " ORDER BY profile_id, version"))
                .containsExactly(
                        Arrays.asList("p-1", "1", "created", "false", cipher("a")),
                        Arrays.asList("p-1", "2", "traits", "false", cipher("b")),
                        Arrays.asList("p-1", "3", "absorbed", "true", cipher("b")),
                        Arrays.asList("p-2", "1", "created", "false", cipher("x")),
                        Arrays.asList("p-2", "2", "merged", "true", cipher("x")));
        assertThat(trino.count("SELECT count(*) FROM profile_history WHERE valid_to IS NULL"))
                .isEqualTo(2);
        assertThat(trino.rows("SELECT profile_id, count(*) FROM identities GROUP BY 1"))
                .containsExactly(List.of("p-1", "2"));
        assertThat(trino.rows(
                        "SELECT product_id, version, price, is_current FROM products ORDER BY product_id, version"))
                .containsExactly(
                        List.of("p-1", "1", "4.50", "true"),
                        List.of("p-2", "1", "20.00", "true"),
                        List.of("sku-1", "1", "4.50", "false"),
                        List.of("sku-1", "2", "5.00", "true"));
        assertThat(trino.rows("SELECT order_id, profile_id, status, revenue, item_count FROM orders"))
                .containsExactly(List.of("o-1", "p-2", "completed", "29.00", "2"));
        assertThat(trino.count("SELECT sum(quantity) FROM order_items")).isEqualTo(3);

        Map<StreamPartition, Long> offsets = SnapshotOffsets.read(warehouse.table(ProfileStoreTables.EVENTS));
        assertThat(offsets)
                .containsEntry(new StreamPartition(TestEvents.EVENTS_TOPIC, 0), 3L)
                .containsEntry(new StreamPartition(TestEvents.EVENTS_TOPIC, 1), 1L);
        assertThat(SnapshotOffsets.read(warehouse.table(ProfileStoreTables.PROFILES)))
                .containsEntry(new StreamPartition(TestEvents.CHANGES_TOPIC, 0), 0L);
    }

    @Test
    void newPromotedPropertiesAndColumnsAddedByAnalystsKeepOldRowsAndQueries() {
        batch(List.of(), at(0, 0, TestEvents.track("p-1", "m-1", T0, "Coupon Applied", Map.of("coupon", "BOO10"))));
        String before = "SELECT message_id, json_extract_scalar(properties, '$.coupon') FROM events ORDER BY 1";
        assertThat(trino.rows(before)).containsExactly(List.of("m-1", "BOO10"));

        // An analyst adds a column of their own; the writer keeps working and leaves it null.
        trino.update("ALTER TABLE events ADD COLUMN analyst_note varchar");
        batch(List.of(), at(0, 1, TestEvents.track("p-1", "m-2", T0, "Coupon Applied", Map.of("coupon", "EEK5"))));

        // The store promotes a property: the table gains the column at start, old rows read null in it.
        List<PromotedProperty> promoted = List.of(PromotedProperty.of("coupon", ColumnType.STRING));
        warehouse.close();
        warehouse = Warehouses.open(stack.endpoints(), namespace, promoted);
        batch(promoted, at(0, 2, TestEvents.track("p-1", "m-3", T0, "Coupon Applied", Map.of("coupon", "GRR20"))));

        assertThat(trino.rows(before))
                .containsExactly(List.of("m-1", "BOO10"), List.of("m-2", "EEK5"), List.of("m-3", "GRR20"));
        assertThat(trino.rows("SELECT message_id, coupon, analyst_note FROM events ORDER BY 1"))
                .containsExactly(
                        Arrays.asList("m-1", null, null),
                        Arrays.asList("m-2", null, null),
                        Arrays.asList("m-3", "GRR20", null));
        assertThat(trino.rows("SELECT coalesce(coupon, json_extract_scalar(properties, '$.coupon')) FROM events"
                        + " ORDER BY 1"))
                .containsExactly(List.of("BOO10"), List.of("EEK5"), List.of("GRR20"));
    }

    @Test
    void compactionExpiryAndOrphanRemovalKeepTheRowsAndDropTheFiles() throws Exception {
        for (int i = 0; i < 6; i++) {
            batch(
                    List.of(),
                    at(
                            0,
                            i,
                            TestEvents.identify("p-1", "m-" + i, T0.plusSeconds(i), Map.of("email", cipher("e" + i)))));
        }
        Table profiles = warehouse.table(ProfileStoreTables.PROFILES);
        Table events = warehouse.table(ProfileStoreTables.EVENTS);
        assertThat(TableStats.of(profiles).deleteFiles()).isEqualTo(5);
        assertThat(TableStats.of(events).dataFiles()).isEqualTo(6);

        TableMaintenance maintenance = new TableMaintenance(64L * 1024 * 1024, 2);
        TableMaintenance.CompactionReport compactedProfiles = maintenance.compact(profiles);
        TableMaintenance.CompactionReport compactedEvents = maintenance.compact(events);

        assertThat(compactedProfiles.dataFilesRewritten()).isEqualTo(6);
        assertThat(compactedProfiles.deleteFilesRemoved()).isEqualTo(5);
        assertThat(compactedProfiles.rowsWritten()).isEqualTo(1);
        assertThat(compactedEvents.dataFilesAdded()).isEqualTo(1);
        assertThat(TableStats.of(profiles).deleteFiles()).isZero();
        assertThat(trino.rows("SELECT profile_id, email FROM profiles")).containsExactly(List.of("p-1", cipher("e5")));
        assertThat(trino.count("SELECT count(*) FROM events")).isEqualTo(6);

        Path location = Path.of(TableMaintenance.normalize(profiles.location()));
        Path orphan = location.resolve("data").resolve("orphan-from-a-failed-commit.parquet");
        Files.writeString(orphan, "not referenced by any snapshot");
        Files.setLastModifiedTime(orphan, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        TableMaintenance.ExpiryReport expiry = maintenance.expireSnapshots(profiles, Instant.now(), 1);
        TableMaintenance.OrphanReport orphans =
                maintenance.removeOrphanFiles(profiles, Instant.now().minus(Duration.ofHours(1)), Instant.now());

        assertThat(expiry.snapshotsKept()).isEqualTo(1);
        assertThat(expiry.filesDeleted()).isGreaterThanOrEqualTo(11);
        assertThat(orphans.orphansDeleted()).isEqualTo(1);
        assertThat(orphan).doesNotExist();
        assertThat(trino.rows("SELECT profile_id, email FROM profiles")).containsExactly(List.of("p-1", cipher("e5")));
        assertThat(TableStats.of(profiles).rows()).isEqualTo(1);
    }

    @Test
    void tableStatsCountLiveRows() {
        batch(List.of(), at(0, 0, TestEvents.identify("p-1", "m-1", T0, Map.of("email", cipher("a")))));
        batch(List.of(), at(0, 1, TestEvents.identify("p-1", "m-2", T0.plusSeconds(1), Map.of("email", cipher("b")))));

        Map<String, Long> rows = new HashMap<>();
        TableStats.of(warehouse).forEach(stats -> rows.put(stats.table(), stats.rows()));
        assertThat(rows)
                .containsEntry(ProfileStoreTables.EVENTS, 2L)
                .containsEntry(ProfileStoreTables.PROFILES, 1L)
                .containsEntry(ProfileStoreTables.PROFILE_HISTORY, 2L)
                .containsEntry(ProfileStoreTables.ORDERS, 0L);
        assertThat(new BigDecimal(trino.column("SELECT count(*) FROM profiles").get(0)))
                .isEqualTo(BigDecimal.ONE);
    }
}
