package com.monstermart.cdp.pii.vault;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Unwrapped key rings, bounded in size and lifetime. Evictions cannot lose a race with a load in flight: a ring is
 * only published if no eviction happened since its load began (loads read the store after that point, so anything
 * evicted before it is already reflected in what they read).
 */
final class KeyRingCache {
    private final Cache<SubjectId, KeyRing> cache;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final AtomicLong generation = new AtomicLong();

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

    /** Loads afresh, replacing any cached ring. */
    KeyRing load(SubjectId subject, Function<SubjectId, KeyRing> loader) {
        long before = generation.get();
        KeyRing ring = loader.apply(subject);
        lock.readLock().lock();
        try {
            if (generation.get() == before) {
                cache.put(subject, ring);
            }
        } finally {
            lock.readLock().unlock();
        }
        return ring;
    }

    void evictIf(Predicate<KeyRing> affected) {
        lock.writeLock().lock();
        try {
            generation.incrementAndGet();
            cache.asMap().values().removeIf(affected);
        } finally {
            lock.writeLock().unlock();
        }
    }

    void evictAll() {
        lock.writeLock().lock();
        try {
            generation.incrementAndGet();
            cache.invalidateAll();
        } finally {
            lock.writeLock().unlock();
        }
    }

    long size() {
        return cache.estimatedSize();
    }
}
