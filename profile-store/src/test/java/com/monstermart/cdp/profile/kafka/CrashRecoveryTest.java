package com.monstermart.cdp.profile.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.profile.core.BatchResult;
import com.monstermart.cdp.profile.core.EventRows;
import com.monstermart.cdp.profile.core.IdentifierKey;
import com.monstermart.cdp.profile.core.OrderState;
import com.monstermart.cdp.profile.core.ProductState;
import com.monstermart.cdp.profile.core.ProfileState;
import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import com.monstermart.cdp.profile.core.ResolvedEvent;
import com.monstermart.cdp.profile.core.StateChanges;
import com.monstermart.cdp.profile.core.StateStore;
import com.monstermart.cdp.profile.core.StreamPartition;
import com.monstermart.cdp.profile.core.TraitComparator;
import com.monstermart.cdp.profile.iceberg.ProfileStoreWarehouse;
import com.monstermart.cdp.profile.persistence.PostgresHotStore;
import com.monstermart.cdp.profile.testing.HotStores;
import com.monstermart.cdp.profile.testing.ResolvedEvents;
import com.monstermart.cdp.profile.testing.TestEvents;
import com.monstermart.cdp.profile.testing.Trino;
import com.monstermart.cdp.profile.testing.Warehouses;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A crash between the Iceberg commit and the hot-store (and Kafka offset) commit, or between the hot-store and the
 * Kafka offset commit, neither loses nor duplicates rows: the restarted loop resumes from the hot store's offsets
 * and writes to each table only what it does not hold yet. Real Kafka, PostgreSQL, Iceberg and Trino.
 */
@WithCdpStack({"postgres", "kafka", "trino"})
class CrashRecoveryTest {
    private static final int PROFILES = 40;
    private static final int EVENTS_PER_PROFILE = 10;

    private StackEndpoints endpoints;
    private String namespace;
    private String eventsTopic;
    private String changesTopic;
    private ProfileStoreWarehouse warehouse;
    private PostgresHotStore hotStore;
    private Trino trino;
    private final TableLock lock = new TableLock();

    @BeforeEach
    void setUp(CdpStack stack) {
        endpoints = stack.endpoints();
        namespace = stack.createTrinoSchema("crash");
        eventsTopic = stack.createTopic("crash.resolved", 2);
        changesTopic = stack.createTopic("crash.changes", 1);
        warehouse = Warehouses.open(endpoints, namespace, List.of());
        hotStore = new PostgresHotStore(
                HotStores.migrated(endpoints, stack.createDatabase("crash")), "profile-store-crash-test");
        trino = Trino.connect(stack, namespace);
    }

    @AfterEach
    void tearDown() {
        trino.close();
        warehouse.close();
    }

    private IngestionLoop loop(IngestionListener listener) {
        return new IngestionLoop(
                settings(),
                warehouse,
                hotStore,
                new EventRows(List.of()),
                TraitComparator.EQUALS,
                lock,
                listener,
                Clock.systemUTC());
    }

    private IngestionSettings settings() {
        return new IngestionSettings(
                endpoints.kafkaBootstrapServers(),
                eventsTopic,
                changesTopic,
                "profile-store-crash-test",
                150,
                Duration.ofSeconds(1),
                Duration.ofMillis(200),
                10_000,
                // Two open files per table: batches over more partitions close and reopen files.
                2,
                // Small polls, so the first batch (150 records) holds only part of the input.
                Map.of("max.poll.records", "50"));
    }

    /** A listener that halts the loop (as a crash would) at the first batch, after the given step. */
    private static final class CrashAfter implements IngestionListener {
        private final String step;
        private final AtomicReference<IngestionLoop> loop = new AtomicReference<>();
        private final AtomicBoolean crashed = new AtomicBoolean();

        CrashAfter(String step) {
            this.step = step;
        }

        @Override
        public void tablesCommitted(BatchResult result) {
            crash("tables");
        }

        @Override
        public void hotStoreCommitted(BatchResult result) {
            crash("hot-store");
        }

        private void crash(String reached) {
            if (reached.equals(step) && crashed.compareAndSet(false, true)) {
                loop.get().halt();
            }
        }
    }

    private List<ResolvedEvent> publish() {
        List<ResolvedEvent> events = new ArrayList<>();
        Instant start = Instant.parse("2026-11-21T06:00:00Z");
        for (int i = 0; i < EVENTS_PER_PROFILE; i++) {
            for (int p = 0; p < PROFILES; p++) {
                String profile = "crash-" + p;
                String messageId = "m-" + p + "-" + i;
                Instant at = start.plusSeconds(i * 60L + p);
                events.add(
                        i == 0
                                ? TestEvents.identify(profile, messageId, at, Map.of("country", "NL"))
                                : TestEvents.page(profile, messageId, at));
            }
        }
        try (ResolvedEvents kafka = new ResolvedEvents(endpoints.kafkaBootstrapServers())) {
            kafka.send(eventsTopic, events);
            // Duplicates (an upstream retry): same message ids at new offsets.
            kafka.send(eventsTopic, events.subList(0, 25));
        }
        return events;
    }

    private void crashThenRecover(String step) throws Exception {
        List<ResolvedEvent> events = publish();

        CrashAfter crash = new CrashAfter(step);
        IngestionLoop first = loop(crash);
        crash.loop.set(first);
        Thread thread = new Thread(first, "crashing-loop");
        thread.start();
        assertThat(first.awaitStopped(Duration.ofSeconds(90))).isTrue();
        assertThat(crash.crashed).isTrue();
        long committedBeforeRestart = trino.count("SELECT count(*) FROM events");
        assertThat(committedBeforeRestart).isPositive().isLessThan(events.size());

        List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
        IngestionLoop second = loop(new IngestionListener() {
            @Override
            public void batchCommitted(BatchReport report) {
                journal.add("committed " + report.counters());
            }

            @Override
            public void batchFailed(RuntimeException failure, long retryInMillis) {
                journal.add("failed " + failure);
            }
        });
        Thread restarted = new Thread(second, "restarted-loop");
        restarted.start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .untilAsserted(() -> assertThat(trino.count("SELECT count(*) FROM events"))
                            .as("events after the restart; batches: %s", journal)
                            .isGreaterThanOrEqualTo(events.size()));
            // A few more batches' time: nothing more may arrive.
            await().pollDelay(Duration.ofSeconds(3))
                    .atMost(Duration.ofSeconds(10))
                    .until(() -> true);
        } finally {
            second.stop(Duration.ofSeconds(30));
        }

        assertThat(trino.count("SELECT count(*) FROM events")).isEqualTo(events.size());
        assertThat(trino.count("SELECT count(DISTINCT message_id) FROM events")).isEqualTo(events.size());
        assertThat(trino.count("SELECT count(*) FROM profiles")).isEqualTo(PROFILES);
        assertThat(trino.count("SELECT count(DISTINCT profile_id) FROM profiles"))
                .isEqualTo(PROFILES);
        assertThat(trino.rows("SELECT DISTINCT event_count FROM profiles"))
                .containsExactly(List.of(Integer.toString(EVENTS_PER_PROFILE)));
        assertThat(trino.count("SELECT count(*) FROM profile_history")).isEqualTo(PROFILES);
        assertThat(trino.count("SELECT count(*) FROM identities")).isEqualTo(PROFILES);
        assertThat(hotStore.profile("crash-7").orElseThrow().eventCount()).isEqualTo(EVENTS_PER_PROFILE);
        assertThat(hotStore.recentEvents(List.of("crash-7"), 100)).hasSize(EVENTS_PER_PROFILE);
    }

    @Test
    void aFailedHotStoreCommitIsRetriedInProcessFromTheHotStoresOffsets() throws Exception {
        List<ResolvedEvent> events = publish();
        AtomicBoolean failed = new AtomicBoolean();
        StateStore failingOnce = new StateStore() {
            @Override
            public Map<StreamPartition, Long> committedOffsets() {
                return hotStore.committedOffsets();
            }

            @Override
            public Map<String, ProfileState> loadProfiles(Collection<String> profileIds) {
                return hotStore.loadProfiles(profileIds);
            }

            @Override
            public List<ProfileState> loadProfilesMergedInto(Collection<String> survivorIds) {
                return hotStore.loadProfilesMergedInto(survivorIds);
            }

            @Override
            public Map<IdentifierKey, String> loadIdentifierOwners(Collection<IdentifierKey> identifiers) {
                return hotStore.loadIdentifierOwners(identifiers);
            }

            @Override
            public Map<String, ProductState> loadProducts(Collection<String> productIds) {
                return hotStore.loadProducts(productIds);
            }

            @Override
            public Map<String, OrderState> loadOrders(Collection<String> orderIds) {
                return hotStore.loadOrders(orderIds);
            }

            @Override
            public void commit(StateChanges changes) {
                if (failed.compareAndSet(false, true)) {
                    throw new ProfileStoreException(ProfileStoreErrorCode.HOT_STORE_FAILED, "simulated outage");
                }
                hotStore.commit(changes);
            }
        };
        List<RuntimeException> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        IngestionLoop loop = new IngestionLoop(
                settings(),
                warehouse,
                failingOnce,
                new EventRows(List.of()),
                TraitComparator.EQUALS,
                lock,
                new IngestionListener() {
                    @Override
                    public void batchFailed(RuntimeException failure, long retryInMillis) {
                        failures.add(failure);
                    }
                },
                Clock.systemUTC());
        Thread thread = new Thread(loop, "failing-once-loop");
        thread.start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> hotStore.profile("crash-7")
                                    .map(ProfileState::eventCount)
                                    .orElse(0L)
                            == EVENTS_PER_PROFILE);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> trino.count("SELECT count(*) FROM events") >= events.size());
        } finally {
            loop.stop(Duration.ofSeconds(30));
        }

        assertThat(failures).singleElement().satisfies(failure -> assertThat(failure)
                .isInstanceOf(ProfileStoreException.class)
                .hasMessage("simulated outage"));
        assertThat(trino.count("SELECT count(*) FROM events")).isEqualTo(events.size());
        assertThat(trino.count("SELECT count(DISTINCT message_id) FROM events")).isEqualTo(events.size());
        assertThat(trino.count("SELECT count(*) FROM profiles")).isEqualTo(PROFILES);
        assertThat(trino.count("SELECT count(*) FROM profile_history")).isEqualTo(PROFILES);
    }

    /**
     * The hot-store commit runs in the background while the next batch polls: when it fails, that next batch (which
     * read the failed batch's states) is abandoned before its Iceberg commit, and the loop rewinds to the hot store's
     * offsets.
     */
    @Test
    void aBackgroundHotStoreCommitThatFailsAbandonsTheNextBatchAndLosesNothing() throws Exception {
        List<ResolvedEvent> events = publish();
        AtomicBoolean failed = new AtomicBoolean();
        List<String> journal = new java.util.concurrent.CopyOnWriteArrayList<>();
        StateStore slowlyFailingOnce = new Delegating() {
            @Override
            public void commit(StateChanges changes) {
                journal.add("hot store commit");
                if (failed.compareAndSet(false, true)) {
                    // Long enough for the next batch (1 s interval) to be polled, folded and waiting to commit.
                    await().pollDelay(Duration.ofMillis(2_500)).until(() -> true);
                    throw new ProfileStoreException(ProfileStoreErrorCode.HOT_STORE_FAILED, "simulated outage");
                }
                hotStore.commit(changes);
            }
        };
        IngestionLoop loop = new IngestionLoop(
                settings(),
                warehouse,
                slowlyFailingOnce,
                new EventRows(List.of()),
                TraitComparator.EQUALS,
                lock,
                new IngestionListener() {
                    @Override
                    public void tablesCommitted(BatchResult result) {
                        journal.add("tables committed " + result.counters().records());
                    }

                    @Override
                    public void batchCommitted(BatchReport report) {
                        journal.add("batch committed");
                    }

                    @Override
                    public void batchFailed(RuntimeException failure, long retryInMillis) {
                        journal.add("failed: " + failure.getMessage());
                    }
                },
                Clock.systemUTC());
        Thread thread = new Thread(loop, "failing-in-background-loop");
        thread.start();
        try {
            await().atMost(Duration.ofSeconds(90))
                    .until(() -> hotStore.profile("crash-7")
                                    .map(ProfileState::eventCount)
                                    .orElse(0L)
                            == EVENTS_PER_PROFILE);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> trino.count("SELECT count(*) FROM events") >= events.size());
        } finally {
            assertThat(loop.stop(Duration.ofSeconds(30))).isTrue();
        }

        // Stopping commits the Kafka offsets of the batch whose hot-store commit was still in flight.
        try (Admin admin =
                Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, endpoints.kafkaBootstrapServers()))) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(
                            settings().groupId())
                    .partitionsToOffsetAndMetadata()
                    .get();
            long consumed = committed.entrySet().stream()
                    .filter(entry -> entry.getKey().topic().equals(eventsTopic))
                    .mapToLong(entry -> entry.getValue().offset())
                    .sum();
            assertThat(consumed).as("committed offsets %s", committed).isEqualTo(events.size() + 25);
        }
        int failure = journal.indexOf("failed: simulated outage");
        assertThat(failure).as("journal %s", journal).isPositive();
        assertThat(journal.subList(0, failure))
                .as("nothing committed between the failing hot-store commit and its failure: %s", journal)
                .hasSize(2)
                .satisfies(
                        before -> assertThat(before.get(0)).startsWith("tables committed"),
                        before -> assertThat(before.get(1)).isEqualTo("hot store commit"));
        assertThat(journal.subList(failure + 1, journal.size()))
                .as("journal %s", journal)
                .doesNotContain("failed: simulated outage")
                .contains("batch committed");
        assertThat(trino.count("SELECT count(*) FROM events")).isEqualTo(events.size());
        assertThat(trino.count("SELECT count(DISTINCT message_id) FROM events")).isEqualTo(events.size());
        assertThat(trino.count("SELECT count(*) FROM profiles")).isEqualTo(PROFILES);
        assertThat(trino.rows("SELECT DISTINCT event_count FROM profiles"))
                .containsExactly(List.of(Integer.toString(EVENTS_PER_PROFILE)));
        assertThat(trino.count("SELECT count(*) FROM profile_history")).isEqualTo(PROFILES);
        assertThat(trino.count("SELECT count(*) FROM identities")).isEqualTo(PROFILES);
        assertThat(hotStore.recentEvents(List.of("crash-7"), 100)).hasSize(EVENTS_PER_PROFILE);
    }

    /** The hot store, for tests that change one method. */
    private abstract class Delegating implements StateStore {
        @Override
        public Map<StreamPartition, Long> committedOffsets() {
            return hotStore.committedOffsets();
        }

        @Override
        public Map<String, ProfileState> loadProfiles(Collection<String> profileIds) {
            return hotStore.loadProfiles(profileIds);
        }

        @Override
        public List<ProfileState> loadProfilesMergedInto(Collection<String> survivorIds) {
            return hotStore.loadProfilesMergedInto(survivorIds);
        }

        @Override
        public Map<IdentifierKey, String> loadIdentifierOwners(Collection<IdentifierKey> identifiers) {
            return hotStore.loadIdentifierOwners(identifiers);
        }

        @Override
        public Map<String, ProductState> loadProducts(Collection<String> productIds) {
            return hotStore.loadProducts(productIds);
        }

        @Override
        public Map<String, OrderState> loadOrders(Collection<String> orderIds) {
            return hotStore.loadOrders(orderIds);
        }
    }

    @Test
    void aCrashBetweenTheIcebergCommitAndTheOffsetCommitNeitherLosesNorDuplicates() throws Exception {
        crashThenRecover("tables");
    }

    @Test
    void aCrashBetweenTheHotStoreCommitAndTheKafkaCommitNeitherLosesNorDuplicates() throws Exception {
        crashThenRecover("hot-store");
    }
}
