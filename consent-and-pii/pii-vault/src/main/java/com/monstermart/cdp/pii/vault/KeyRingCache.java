package com.monstermart.cdp.pii.vault;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * Unwrapped key rings, bounded in size and lifetime, with an index from key id and member subject to the cached rings
 * holding them, so that an eviction touches only the rings concerned (not a scan of the cache).
 *
 * <p>Evictions cannot lose a race with a load in flight: a ring is only published if no eviction happened since its
 * load began (loads read the store after that point, so anything evicted before is already reflected in what they
 * read). Publication (read lock) indexes the ring before caching it; eviction (write lock) finds the rings through the
 * index. The index may hold stale entries (rings since expired or replaced): they cost an unneeded invalidation at
 * worst, and the index is rebuilt from the cache when it has grown well past it.
 */
final class KeyRingCache {
    private final Cache<SubjectId, KeyRing> cache;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong generation = new AtomicLong();
    private final Map<Long, Set<SubjectId>> ringsByKey = new ConcurrentHashMap<>();
    private final Map<SubjectId, Set<SubjectId>> ringsByMember = new ConcurrentHashMap<>();
    private final AtomicLong indexEntries = new AtomicLong();

    KeyRingCache(long maximumSubjects, Duration timeToLive) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(maximumSubjects)
                .expireAfterWrite(timeToLive)
                .executor(Runnable::run)
                .build();
    }

    /** The cached ring, or {@code loader}'s (published unless an eviction ran meanwhile). */
    KeyRing get(SubjectId subject, Function<SubjectId, KeyRing> loader) {
        KeyRing ring = cache.getIfPresent(subject);
        if (ring != null) {
            return ring;
        }
        return load(subject, loader);
    }

    /** The cached ring, or null. */
    KeyRing peek(SubjectId subject) {
        return cache.getIfPresent(subject);
    }

    /** Loads many rings afresh with one call of {@code loader}; published unless an eviction ran meanwhile. */
    Map<SubjectId, KeyRing> loadAll(
            Collection<SubjectId> subjects, Function<Collection<SubjectId>, Map<SubjectId, KeyRing>> loader) {
        long before = generation.get();
        Map<SubjectId, KeyRing> rings = loader.apply(subjects);
        lock.readLock().lock();
        try {
            if (generation.get() == before) {
                rings.forEach((subject, ring) -> {
                    index(subject, ring);
                    cache.put(subject, ring);
                });
            }
        } finally {
            lock.readLock().unlock();
        }
        return rings;
    }

    /** Loads afresh, replacing any cached ring. */
    KeyRing load(SubjectId subject, Function<SubjectId, KeyRing> loader) {
        long before = generation.get();
        KeyRing ring = loader.apply(subject);
        lock.readLock().lock();
        try {
            if (generation.get() == before) {
                index(subject, ring);
                cache.put(subject, ring);
            }
        } finally {
            lock.readLock().unlock();
        }
        return ring;
    }

    private void index(SubjectId subject, KeyRing ring) {
        ringsByMember
                .computeIfAbsent(subject, ignored -> ConcurrentHashMap.newKeySet())
                .add(subject);
        for (RingKey key : ring.keys()) {
            ringsByKey
                    .computeIfAbsent(key.idValue, ignored -> ConcurrentHashMap.newKeySet())
                    .add(subject);
            ringsByMember
                    .computeIfAbsent(key.owner, ignored -> ConcurrentHashMap.newKeySet())
                    .add(subject);
        }
        indexEntries.addAndGet(1 + 2L * ring.keys().size());
    }

    /** Drops every cached ring that holds one of {@code keyIds} or has one of {@code subjects} as a member. */
    void evict(Set<KeyId> keyIds, Set<SubjectId> subjects) {
        lock.writeLock().lock();
        try {
            generation.incrementAndGet();
            Set<SubjectId> affected = new HashSet<>();
            for (KeyId keyId : keyIds) {
                affected.addAll(ringsByKey.getOrDefault(keyId.value(), Set.of()));
            }
            for (SubjectId subject : subjects) {
                affected.addAll(ringsByMember.getOrDefault(subject, Set.of()));
            }
            cache.invalidateAll(affected);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void evictAll() {
        lock.writeLock().lock();
        try {
            generation.incrementAndGet();
            cache.invalidateAll();
            ringsByKey.clear();
            ringsByMember.clear();
            indexEntries.set(0);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Rebuilds the index from the cache when stale entries have made it much larger than needed. */
    void compactIndex() {
        if (indexEntries.get() <= 4 * cache.estimatedSize() + 10_000) {
            return;
        }
        lock.writeLock().lock();
        try {
            ringsByKey.clear();
            ringsByMember.clear();
            indexEntries.set(0);
            cache.asMap().forEach(this::index);
        } finally {
            lock.writeLock().unlock();
        }
    }

    long size() {
        return cache.estimatedSize();
    }

    long indexEntries() {
        return indexEntries.get();
    }
}
