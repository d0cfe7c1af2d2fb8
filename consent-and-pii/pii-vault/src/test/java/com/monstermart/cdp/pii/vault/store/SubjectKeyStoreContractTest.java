package com.monstermart.cdp.pii.vault.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.api.SubjectMerge;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every key store must do; one subclass per store. */
abstract class SubjectKeyStoreContractTest {
    private static final AtomicInteger SUBJECTS = new AtomicInteger();
    private static final ShredRequest REQUEST = ShredRequest.of("officer", "request 1");

    private SubjectKeyStore store;

    /** A store nobody else uses. */
    abstract SubjectKeyStore newStore();

    @BeforeEach
    void setUp() {
        store = newStore();
        store.registerKek("kek-a");
        store.registerKek("kek-b");
    }

    private static SubjectId subject() {
        return SubjectId.of("contract-" + SUBJECTS.incrementAndGet());
    }

    private NewKey newKey(SubjectId subject, String kek) {
        return new NewKey(subject, store.allocateKeyIds(1).getFirst(), new WrappedKey(kek, new byte[] {7, 7}));
    }

    @Test
    void keyIdsAreUnique() {
        List<KeyId> ids = new ArrayList<>(store.allocateKeyIds(500));
        ids.addAll(store.allocateKeyIds(500));

        assertThat(new HashSet<>(ids)).hasSize(1000);
    }

    @Test
    void theFirstKeyOfASubjectWins() {
        SubjectId subject = subject();
        NewKey first = newKey(subject, "kek-a");

        StoredKey stored = store.insertIfAbsent(first);
        StoredKey second = store.insertIfAbsent(newKey(subject, "kek-b"));

        assertThat(stored).isEqualTo(StoredKey.live(first.keyId(), subject, first.wrapped()));
        assertThat(second).isEqualTo(stored);
        assertThat(store.ring(subject)).containsExactly(stored);
        assertThat(store.insertAllIfAbsent(List.of(newKey(subject, "kek-a"), newKey(subject(), "kek-a"))))
                .isEqualTo(1);
    }

    @Test
    void aRingHoldsTheSubjectFirstThenEverySubjectMergedIntoItTransitively() {
        SubjectId top = subject();
        SubjectId middle = subject();
        SubjectId bottom = subject();
        SubjectId unrelated = subject();
        for (SubjectId subject : List.of(top, middle, bottom, unrelated)) {
            store.insertIfAbsent(newKey(subject, "kek-a"));
        }

        assertThat(store.link(middle, bottom)).isTrue();
        assertThat(store.link(middle, bottom)).isFalse();
        store.link(top, middle);
        store.link(bottom, top); // a cycle ends the walk, it does not loop

        assertThat(store.ring(top)).extracting(StoredKey::owner).first().isEqualTo(top);
        assertThat(store.ring(top)).extracting(StoredKey::owner).containsExactlyInAnyOrder(top, middle, bottom);
        assertThat(store.ring(unrelated)).extracting(StoredKey::owner).containsExactly(unrelated);
        assertThat(store.ring(subject())).isEmpty();
    }

    @Test
    void ringsOfManySubjectsInOneCallAreTheirSingleRings() {
        SubjectId top = subject();
        SubjectId middle = subject();
        SubjectId bottom = subject();
        SubjectId alone = subject();
        SubjectId shredded = subject();
        SubjectId keyless = subject();
        for (SubjectId subject : List.of(top, middle, bottom, alone, shredded)) {
            store.insertIfAbsent(newKey(subject, "kek-a"));
        }
        store.link(top, middle);
        store.link(middle, bottom);
        store.link(keyless, alone);
        store.shred(shredded, REQUEST);
        List<SubjectId> asked = List.of(top, middle, bottom, alone, shredded, keyless, subject());

        Map<SubjectId, List<StoredKey>> rings = store.rings(asked);

        assertThat(rings).containsOnlyKeys(asked);
        for (SubjectId subject : asked) {
            assertThat(rings.get(subject)).as("ring of %s", subject).hasSameElementsAs(store.ring(subject));
            if (!store.ring(subject).isEmpty()) {
                assertThat(rings.get(subject).getFirst())
                        .isEqualTo(store.ring(subject).getFirst());
            }
        }
        assertThat(rings.get(top)).extracting(StoredKey::owner).containsExactlyInAnyOrder(top, middle, bottom);
        assertThat(rings.get(keyless)).extracting(StoredKey::owner).containsExactly(alone);
        assertThat(store.rings(List.of())).isEmpty();
    }

    @Test
    void linkingManyPairsAtOnceRecordsEachOnceInAnyOrder() {
        SubjectId survivor = subject();
        SubjectId first = subject();
        SubjectId second = subject();
        SubjectId third = subject();
        for (SubjectId subject : List.of(survivor, first, second, third)) {
            store.insertIfAbsent(newKey(subject, "kek-a"));
        }
        store.link(survivor, first);

        int recorded = store.linkAll(List.of(
                SubjectMerge.of(second, third),
                SubjectMerge.of(survivor, first),
                SubjectMerge.of(survivor, second),
                SubjectMerge.of(survivor, second)));

        assertThat(recorded).isEqualTo(2);
        assertThat(store.linkAll(List.of(SubjectMerge.of(survivor, second)))).isZero();
        assertThat(store.linkAll(List.of())).isZero();
        assertThat(store.ring(survivor))
                .extracting(StoredKey::owner)
                .containsExactlyInAnyOrder(survivor, first, second, third);
        assertThat(store.unlink(survivor, second)).isPresent();
        assertThat(store.ring(survivor)).extracting(StoredKey::owner).containsExactlyInAnyOrder(survivor, first);
    }

    @Test
    void shreddingTombstonesTheWholeRingAndRecordsTheKeysDestroyed() {
        SubjectId survivor = subject();
        SubjectId merged = subject();
        StoredKey survivorsKey = store.insertIfAbsent(newKey(survivor, "kek-a"));
        StoredKey mergedKey = store.insertIfAbsent(newKey(merged, "kek-b"));
        store.link(survivor, merged);
        long before = store.lastEventSequence();

        KeyEvent event = store.shred(survivor, REQUEST);
        KeyEvent again = store.shred(survivor, REQUEST);

        assertThat(event.kind()).isEqualTo(KeyEvent.Kind.SHRED);
        assertThat(event.keyIds()).containsExactlyInAnyOrder(survivorsKey.keyId(), mergedKey.keyId());
        assertThat(event.requestedBy()).contains("officer");
        assertThat(event.reason()).contains("request 1");
        assertThat(again.keyIds()).isEmpty();
        assertThat(store.ring(survivor)).allSatisfy(key -> {
            assertThat(key.isLive()).isFalse();
            assertThat(key.shreddedAt()).isPresent();
        });
        assertThat(store.events(survivor, KeyEvent.Kind.SHRED)).containsExactly(event, again);
        assertThat(store.eventsAfter(before, 10)).containsExactly(event, again);
        assertThat(store.lastEventSequence()).isEqualTo(again.sequence());
        assertThat(store.insertIfAbsent(newKey(survivor, "kek-a")).isLive()).isFalse();
    }

    @Test
    void shreddingASubjectWithoutAKeyLeavesATombstone() {
        SubjectId subject = subject();

        KeyEvent event = store.shred(subject, REQUEST);

        assertThat(event.keyIds()).isEmpty();
        assertThat(store.ring(subject)).singleElement().satisfies(key -> assertThat(key.isLive())
                .isFalse());
        assertThat(store.insertIfAbsent(newKey(subject, "kek-a")).isLive()).isFalse();
    }

    @Test
    void unlinkingAppendsAnEventOnlyWhenThereWasAMerge() {
        SubjectId survivor = subject();
        SubjectId merged = subject();
        store.link(survivor, merged);

        Optional<KeyEvent> event = store.unlink(survivor, merged);

        assertThat(event).hasValueSatisfying(unmerge -> {
            assertThat(unmerge.kind()).isEqualTo(KeyEvent.Kind.UNMERGE);
            assertThat(unmerge.subject()).isEqualTo(survivor);
            assertThat(unmerge.otherSubject()).contains(merged);
        });
        assertThat(store.unlink(survivor, merged)).isEmpty();
    }

    @Test
    void rewrappingMovesLiveKeysToTheTargetKekAndRetiresTheOld() {
        SubjectId live = subject();
        SubjectId shredded = subject();
        store.insertIfAbsent(newKey(live, "kek-a"));
        store.insertIfAbsent(newKey(shredded, "kek-a"));
        store.shred(shredded, REQUEST);
        store.insertIndexKeyIfAbsent("default", new WrappedKey("kek-a", new byte[] {1}));

        long rewrapped = store.rewrapSubjectKeys("kek-b", 1, key -> new WrappedKey("kek-b", new byte[] {9}));
        long indexRewrapped = store.rewrapIndexKeys("kek-b", (name, old) -> new WrappedKey("kek-b", new byte[] {8}));

        assertThat(rewrapped).isGreaterThanOrEqualTo(1);
        assertThat(indexRewrapped).isEqualTo(1);
        assertThat(store.ring(live).getFirst().wrapped()).contains(new WrappedKey("kek-b", new byte[] {9}));
        assertThat(store.ring(shredded).getFirst().isLive()).isFalse();
        assertThat(store.indexKey("default")).contains(new WrappedKey("kek-b", new byte[] {8}));
        assertThat(store.rewrapSubjectKeys("kek-b", 10, key -> {
                    throw new AssertionError("nothing left to re-wrap");
                }))
                .isZero();
        assertThat(store.retireUnusedKeks("kek-b")).containsExactly("kek-a");
        assertThat(store.retireUnusedKeks("kek-b")).isEmpty();
    }

    @Test
    void theFirstIndexKeyWins() {
        WrappedKey first = store.insertIndexKeyIfAbsent("idx", new WrappedKey("kek-a", new byte[] {1}));
        WrappedKey second = store.insertIndexKeyIfAbsent("idx", new WrappedKey("kek-a", new byte[] {2}));

        assertThat(second).isEqualTo(first).isEqualTo(new WrappedKey("kek-a", new byte[] {1}));
        assertThat(store.indexKey("other")).isEmpty();
    }
}
