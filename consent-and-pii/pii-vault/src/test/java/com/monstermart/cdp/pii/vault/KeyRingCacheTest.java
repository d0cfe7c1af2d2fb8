package com.monstermart.cdp.pii.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KeyRingCacheTest {
    private static final SubjectId A = SubjectId.of("a");
    private static final SubjectId B = SubjectId.of("b");
    private static final SubjectId C = SubjectId.of("c");

    private static RingKey key(long id, SubjectId owner) {
        return RingKey.shredded(new KeyId(id), owner, Instant.EPOCH);
    }

    private static KeyRing ring(SubjectId subject, RingKey... keys) {
        return new KeyRing(subject, List.of(keys));
    }

    @Test
    void evictingAKeyDropsExactlyTheRingsHoldingIt() {
        KeyRingCache cache = new KeyRingCache(1000, Duration.ofHours(1));
        AtomicInteger loads = new AtomicInteger();
        cache.get(A, subject -> {
            loads.incrementAndGet();
            return ring(A, key(1, A), key(2, B)); // B merged into A
        });
        cache.get(B, subject -> {
            loads.incrementAndGet();
            return ring(B, key(2, B));
        });
        cache.get(C, subject -> {
            loads.incrementAndGet();
            return ring(C, key(3, C));
        });

        cache.evict(Set.of(new KeyId(2)), Set.of());

        assertThat(cache.size()).isEqualTo(1);
        cache.get(C, subject -> {
            throw new AssertionError("C's ring was evicted");
        });
        cache.get(A, subject -> {
            loads.incrementAndGet();
            return ring(A, key(1, A));
        });
        assertThat(loads).hasValue(4);
    }

    @Test
    void evictingASubjectDropsTheRingsItIsAMemberOf() {
        KeyRingCache cache = new KeyRingCache(1000, Duration.ofHours(1));
        cache.get(A, subject -> ring(A, key(1, A), key(2, B)));
        cache.get(C, subject -> ring(C));

        cache.evict(Set.of(), Set.of(B));
        assertThat(cache.size()).isEqualTo(1);
        cache.evict(Set.of(), Set.of(C));
        assertThat(cache.size()).isZero();
    }

    @Test
    void aLoadOverlappingAnEvictionIsNotCached() {
        KeyRingCache cache = new KeyRingCache(1000, Duration.ofHours(1));

        KeyRing loaded = cache.get(A, subject -> {
            cache.evict(Set.of(new KeyId(99)), Set.of()); // an eviction while the store is being read
            return ring(A, key(1, A));
        });

        assertThat(loaded.find(1)).isNotNull();
        assertThat(cache.size()).isZero();
    }

    @Test
    void theIndexIsRebuiltWhenStaleEntriesPileUpAndStillFindsEveryRing() {
        KeyRingCache cache = new KeyRingCache(100, Duration.ofHours(1));
        List<SubjectId> subjects = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            SubjectId subject = SubjectId.of("s" + i);
            subjects.add(subject);
            long id = i;
            cache.get(subject, ignored -> ring(subject, key(id, subject)));
        }
        assertThat(cache.indexEntries()).isGreaterThan(4 * cache.size() + 10_000);

        cache.compactIndex();

        assertThat(cache.indexEntries()).isLessThanOrEqualTo(3 * cache.size());
        for (int i = 0; i < subjects.size(); i++) {
            cache.evict(Set.of(new KeyId(i)), Set.of());
        }
        assertThat(cache.size()).isZero();
    }
}
