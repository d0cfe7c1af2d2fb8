package com.monstermart.cdp.profile.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.profile.testing.InMemoryStateStore;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Reads during a background commit see its changes; a failed commit is rethrown and its overlay is gone. */
class BackgroundStateStoreTest {
    private static final Instant AT = Instant.parse("2026-11-22T03:00:00Z");
    private static final StreamPartition PARTITION = new StreamPartition("cdp.resolved.events", 0);
    private static final IdentifierKey EMAIL = new IdentifierKey("email", "global", "bi-email");
    private static final IdentifierKey PHONE = new IdentifierKey("phone", "global", "bi-phone");

    private final CountDownLatch release = new CountDownLatch(1);
    private final InMemoryStateStore memory = new InMemoryStateStore();
    private volatile RuntimeException failure;
    private final StateStore gated = new Gated();
    private final BackgroundStateStore store = new BackgroundStateStore(gated);

    @AfterEach
    void tearDown() {
        release.countDown();
        store.close();
    }

    @Test
    void readsDuringTheCommitSeeItsChangesAndGetCopies() {
        ProfileState survivor = profile("p-1", 3);
        ProfileState absorbed = profile("p-2", 1);
        absorbed.markMerged("p-1");
        memory.commit(changes(List.of(profile("p-3", 7)), List.of(), Set.of(EMAIL), 10));
        memory.commit(changes(List.of(), List.of(new IdentityOwner(EMAIL, "p-3", seen())), Set.of(), 11));

        store.commitInBackground(changes(
                List.of(survivor, absorbed), List.of(new IdentityOwner(PHONE, "p-1", seen())), Set.of(EMAIL), 20));

        assertThat(store.committing()).isTrue();
        assertThat(store.commitEnded()).isFalse();
        Map<String, ProfileState> loaded = store.loadProfiles(List.of("p-1", "p-3", "p-9"));
        assertThat(loaded).containsOnlyKeys("p-1", "p-3");
        assertThat(loaded.get("p-1").eventCount()).isEqualTo(3);
        assertThat(loaded.get("p-3").eventCount()).isEqualTo(7);
        assertThat(loaded.get("p-1")).isNotSameAs(survivor);
        assertThat(store.loadProfilesMergedInto(List.of("p-1")))
                .singleElement()
                .satisfies(merged -> assertThat(merged.profileId()).isEqualTo("p-2"));
        assertThat(store.loadIdentifierOwners(List.of(EMAIL, PHONE))).isEqualTo(Map.of(PHONE, "p-1"));
        assertThat(store.committedOffsets()).isEqualTo(Map.of(PARTITION, 20L));

        // The next batch folds into its copy; the committing state stays as it was.
        loaded.get("p-1").recordSeen(AT.plusSeconds(60));
        release.countDown();
        store.awaitCommit();

        assertThat(store.committing()).isFalse();
        assertThat(memory.profile("p-1").eventCount()).isEqualTo(3);
        assertThat(store.loadProfiles(List.of("p-1")).get("p-1").eventCount()).isEqualTo(3);
        assertThat(store.loadIdentifierOwners(List.of(EMAIL, PHONE))).isEqualTo(Map.of(PHONE, "p-1"));
        assertThat(store.committedOffsets()).isEqualTo(Map.of(PARTITION, 20L));
    }

    @Test
    void aFailedCommitIsRethrownAndReadsGoBackToTheStore() {
        memory.commit(changes(List.of(profile("p-1", 1)), List.of(), Set.of(), 10));
        failure = new ProfileStoreException(ProfileStoreErrorCode.HOT_STORE_FAILED, "simulated outage");
        store.commitInBackground(changes(List.of(profile("p-1", 5)), List.of(), Set.of(), 20));
        assertThat(store.loadProfiles(List.of("p-1")).get("p-1").eventCount()).isEqualTo(5);

        release.countDown();
        assertThatThrownBy(store::awaitCommit)
                .isInstanceOf(ProfileStoreException.class)
                .hasMessage("simulated outage");

        assertThat(store.committing()).isFalse();
        assertThat(store.loadProfiles(List.of("p-1")).get("p-1").eventCount()).isEqualTo(1);
        assertThat(store.committedOffsets()).isEqualTo(Map.of(PARTITION, 10L));
    }

    @Test
    void oneCommitAtATimeAndSynchronousCommitsWaitForIt() {
        store.commitInBackground(changes(List.of(profile("p-1", 1)), List.of(), Set.of(), 10));
        assertThatThrownBy(() -> store.commitInBackground(changes(List.of(), List.of(), Set.of(), 11)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("in flight");

        release.countDown();
        store.commit(changes(List.of(profile("p-1", 2)), List.of(), Set.of(), 12));

        assertThat(memory.commits()).isEqualTo(2);
        assertThat(memory.profile("p-1").eventCount()).isEqualTo(2);
        assertThat(store.awaitCommit()).isZero();
    }

    @Test
    void awaitingQuietlySwallowsTheFailureAndDropsTheOverlay() {
        failure = new ProfileStoreException(ProfileStoreErrorCode.HOT_STORE_FAILED, "simulated outage");
        store.commitInBackground(changes(List.of(profile("p-1", 5)), List.of(), Set.of(), 20));
        release.countDown();
        store.awaitQuietly();
        assertThat(store.committing()).isFalse();
        assertThat(store.loadProfiles(List.of("p-1"))).isEmpty();
    }

    private static ProfileState profile(String profileId, int events) {
        ProfileState state = new ProfileState(profileId);
        for (int i = 0; i < events; i++) {
            state.recordSeen(AT.plusSeconds(i));
        }
        return state;
    }

    private static IdentifierSeen seen() {
        return new IdentifierSeen("web", AT, AT);
    }

    private static StateChanges changes(
            List<ProfileState> profiles, List<IdentityOwner> owners, Set<IdentifierKey> removed, long offset) {
        return new StateChanges(
                profiles, owners, removed, List.of(), List.of(), List.of(), Set.of(), Map.of(PARTITION, offset));
    }

    /** The in-memory store, whose commits wait for {@link #release} and then fail if {@link #failure} is set. */
    private final class Gated implements StateStore {
        @Override
        public Map<StreamPartition, Long> committedOffsets() {
            return memory.committedOffsets();
        }

        @Override
        public Map<String, ProfileState> loadProfiles(Collection<String> profileIds) {
            return memory.loadProfiles(profileIds);
        }

        @Override
        public List<ProfileState> loadProfilesMergedInto(Collection<String> survivorIds) {
            return memory.loadProfilesMergedInto(survivorIds);
        }

        @Override
        public Map<IdentifierKey, String> loadIdentifierOwners(Collection<IdentifierKey> identifiers) {
            return memory.loadIdentifierOwners(identifiers);
        }

        @Override
        public Map<String, ProductState> loadProducts(Collection<String> productIds) {
            return memory.loadProducts(productIds);
        }

        @Override
        public Map<String, OrderState> loadOrders(Collection<String> orderIds) {
            return memory.loadOrders(orderIds);
        }

        @Override
        public void commit(StateChanges changes) {
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            RuntimeException failing = failure;
            if (failing != null) {
                failure = null;
                throw failing;
            }
            memory.commit(changes);
        }
    }
}
