package com.monstermart.cdp.identity.core.matching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Blocking over a table: the distinct pairs of records that share a key in at least one pass. Pairs are encoded
 * as {@code (i << 32) | j} with {@code i < j} record indexes.
 */
public final class CandidatePairs {
    private CandidatePairs() {}

    /** Which pairs count: all, or only pairs whose records come from different sources (linkage). */
    public enum Scope {
        ALL_PAIRS,
        ACROSS_SOURCES
    }

    /**
     * @param maxBlockSize blocks larger than this are skipped (a key shared by thousands of records is not
     *     evidence, and would make the pass quadratic)
     */
    public static long[] generate(List<MatchRecord> records, List<BlockingRule> rules, Scope scope, int maxBlockSize) {
        LongList pairs = new LongList();
        for (BlockingRule rule : rules) {
            Map<String, List<Integer>> blocks = new HashMap<>();
            for (int i = 0; i < records.size(); i++) {
                String key = rule.keyOf(records.get(i));
                if (key != null) {
                    blocks.computeIfAbsent(key, ignored -> new ArrayList<>(2)).add(i);
                }
            }
            for (List<Integer> block : blocks.values()) {
                if (block.size() < 2 || block.size() > maxBlockSize) {
                    continue;
                }
                for (int x = 0; x < block.size(); x++) {
                    int i = block.get(x);
                    for (int y = x + 1; y < block.size(); y++) {
                        int j = block.get(y);
                        if (scope == Scope.ACROSS_SOURCES
                                && records.get(i).source().equals(records.get(j).source())) {
                            continue;
                        }
                        pairs.add(encode(Math.min(i, j), Math.max(i, j)));
                    }
                }
            }
        }
        long[] all = pairs.toArray();
        Arrays.sort(all);
        int distinct = 0;
        for (int k = 0; k < all.length; k++) {
            if (k == 0 || all[k] != all[k - 1]) {
                all[distinct++] = all[k];
            }
        }
        return Arrays.copyOf(all, distinct);
    }

    public static long encode(int i, int j) {
        return ((long) i << 32) | (j & 0xffffffffL);
    }

    public static int first(long pair) {
        return (int) (pair >>> 32);
    }

    public static int second(long pair) {
        return (int) pair;
    }

    static final class LongList {
        private long[] values = new long[1024];
        private int size;

        void add(long value) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = value;
        }

        long[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }
}
