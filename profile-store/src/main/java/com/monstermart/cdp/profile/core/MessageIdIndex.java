package com.monstermart.cdp.profile.core;

/**
 * The message ids of the most recent resolved events and where each was first read, bounded in memory: 64-bit
 * hashes in an open-addressing table, the oldest evicted first. About 40 bytes per entry.
 *
 * <p>A record whose message id was first read at another position is a duplicate (a producer retry, an upstream
 * replay) and is skipped; a record read again at the same position (a replay after a crash) is not. The index is
 * rebuilt at start from the events the {@code events} table holds, so decisions are the same before and after a
 * restart.
 */
public final class MessageIdIndex {
    /** What the index knew about a message id. */
    public enum Sighting {
        /** Not seen before: recorded now. */
        FIRST,
        /** Seen before at this very position (the same record read again). */
        SAME_RECORD,
        /** Seen before at another position: a duplicate. */
        DUPLICATE
    }

    private static final long EMPTY = 0L;

    private final int capacity;
    private final int mask;
    private final long[] keys;
    private final long[] positions;
    private final long[] order;
    private int oldest;
    private int size;

    public MessageIdIndex(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive: " + capacity);
        }
        this.capacity = capacity;
        int tableSize = Integer.highestOneBit(Math.max(2, capacity * 2 - 1)) << 1;
        this.mask = tableSize - 1;
        this.keys = new long[tableSize];
        this.positions = new long[tableSize];
        this.order = new long[capacity];
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Looks a message id up and records it when new. */
    public Sighting record(String messageId, int partition, long offset) {
        long key = hash(messageId);
        long position = pack(partition, offset);
        int slot = slot(key);
        while (keys[slot] != EMPTY) {
            if (keys[slot] == key) {
                return positions[slot] == position ? Sighting.SAME_RECORD : Sighting.DUPLICATE;
            }
            slot = (slot + 1) & mask;
        }
        if (size == capacity) {
            evictOldest();
            slot = slot(key);
            while (keys[slot] != EMPTY) {
                slot = (slot + 1) & mask;
            }
        }
        keys[slot] = key;
        positions[slot] = position;
        order[(oldest + size) % capacity] = key;
        size++;
        return Sighting.FIRST;
    }

    private void evictOldest() {
        long key = order[oldest];
        oldest = (oldest + 1) % capacity;
        size--;
        int slot = slot(key);
        while (keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        // Backward-shift deletion keeps every remaining key reachable from its home slot.
        int hole = slot;
        int next = (hole + 1) & mask;
        while (keys[next] != EMPTY) {
            int home = slot(keys[next]);
            boolean movable = hole <= next ? (home <= hole || home > next) : (home <= hole && home > next);
            if (movable) {
                keys[hole] = keys[next];
                positions[hole] = positions[next];
                hole = next;
            }
            next = (next + 1) & mask;
        }
        keys[hole] = EMPTY;
        positions[hole] = 0;
    }

    private int slot(long key) {
        return (int) (key ^ (key >>> 32)) & mask;
    }

    private static long pack(int partition, long offset) {
        return ((long) partition << 44) | (offset & 0xFFF_FFFF_FFFFL);
    }

    /** FNV-1a over the characters, then MurmurHash3's 64-bit finaliser; never {@link #EMPTY}. */
    static long hash(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        hash ^= hash >>> 33;
        hash *= 0xff51afd7ed558ccdL;
        hash ^= hash >>> 33;
        hash *= 0xc4ceb9fe1a85ec53L;
        hash ^= hash >>> 33;
        return hash == EMPTY ? 1L : hash;
    }
}
