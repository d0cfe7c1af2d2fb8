package com.monstermart.cdp.profile.kafka;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises the store's own Iceberg commits: batch commits and maintenance (compaction rewrites the files a batch's
 * equality deletes apply to, so the two must not interleave).
 */
public final class TableLock {
    private final ReentrantLock lock = new ReentrantLock(true);

    public <T> T call(Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }
}
