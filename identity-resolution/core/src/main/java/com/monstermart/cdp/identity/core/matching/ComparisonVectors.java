package com.monstermart.cdp.identity.core.matching;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The comparison levels of many pairs at once, computed in parallel over field values extracted once per record:
 * {@code levels[pair * comparisons + c]} holds level + 1 (0 = missing).
 */
public final class ComparisonVectors {
    private final int comparisons;
    private final byte[] levels;

    private ComparisonVectors(int comparisons, byte[] levels) {
        this.comparisons = comparisons;
        this.levels = levels;
    }

    public static ComparisonVectors compute(List<MatchRecord> records, List<Comparison> comparisons, long[] pairs) {
        String[][] values = values(records, comparisons);
        int count = comparisons.size();
        byte[] levels = new byte[pairs.length * count];
        IntStream.range(0, pairs.length).parallel().forEach(p -> {
            String[] a = values[CandidatePairs.first(pairs[p])];
            String[] b = values[CandidatePairs.second(pairs[p])];
            for (int c = 0; c < count; c++) {
                levels[p * count + c] = (byte) (comparisons.get(c).levelOf(a[c], b[c]) + 1);
            }
        });
        return new ComparisonVectors(count, levels);
    }

    /** Per record, per comparison: the compared field's value (null when missing). */
    static String[][] values(List<MatchRecord> records, List<Comparison> comparisons) {
        String[][] values = new String[records.size()][comparisons.size()];
        for (int r = 0; r < records.size(); r++) {
            for (int c = 0; c < comparisons.size(); c++) {
                values[r][c] = records.get(r).field(comparisons.get(c).field());
            }
        }
        return values;
    }

    public int pairs() {
        return levels.length / Math.max(1, comparisons);
    }

    public int comparisons() {
        return comparisons;
    }

    /** The level of one comparison of one pair ({@link Comparison#NULL} when missing). */
    public int level(int pair, int comparison) {
        return levels[pair * comparisons + comparison] - 1;
    }

    public int[] levels(int pair) {
        int[] out = new int[comparisons];
        for (int c = 0; c < comparisons; c++) {
            out[c] = level(pair, c);
        }
        return out;
    }
}
