package com.monstermart.cdp.identity.core.matching;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Estimates a {@link MatchModel} without labels.
 *
 * <ul>
 *   <li>u is estimated from a random sample of record pairs (nearly all non-matches);
 *   <li>m and λ (and u, with {@link UEstimation#EXPECTATION_MAXIMIZATION}) are then fitted by
 *       expectation–maximisation on the candidate pairs (Fellegi–Sunter with conditional independence), run over
 *       the distinct agreement patterns with their counts, so an iteration costs O(patterns × comparisons)
 *       whatever the number of pairs.
 * </ul>
 */
public final class ExpectationMaximization {
    private static final double FLOOR = 1e-6;

    /**
     * @param maxIterations EM stops after this many iterations
     * @param tolerance or once no parameter moves by more than this
     * @param randomPairs pairs sampled to start u
     * @param seed for the sample, so estimates are reproducible
     */
    public record Settings(
            int maxIterations,
            double tolerance,
            int randomPairs,
            long seed,
            UEstimation uEstimation,
            double priorPairs) {
        public Settings {
            java.util.Objects.requireNonNull(uEstimation, "uEstimation is null");
            if (priorPairs < 0) {
                throw new IllegalArgumentException("priorPairs must be 0 or more, got " + priorPairs);
            }
        }

        /**
         * 200 iterations, tolerance 1e-7, 200,000 random pairs, seed 42, u re-estimated by EM, and a prior worth 100
         * pairs that keeps m near its start and u near the random pairs' u when candidates are few.
         */
        public static Settings defaults() {
            return new Settings(200, 1e-7, 200_000, 42, UEstimation.EXPECTATION_MAXIMIZATION, 100);
        }

        public Settings withUEstimation(UEstimation estimation) {
            return new Settings(maxIterations, tolerance, randomPairs, seed, estimation, priorPairs);
        }
    }

    /** Where u (P(level | non-match)) comes from. */
    public enum UEstimation {
        /**
         * Kept at its estimate from random pairs (nearly all non-matches). Only right when λ is the population's
         * prior: with λ fitted on blocked candidates it over-merges (blocking makes candidates agree).
         */
        RANDOM_PAIRS,
        /** Started from random pairs, then re-estimated by EM on the candidate pairs together with m and λ. */
        EXPECTATION_MAXIMIZATION
    }

    private ExpectationMaximization() {}

    public static MatchModel estimate(
            List<MatchRecord> records,
            List<Comparison> comparisons,
            long[] candidatePairs,
            CandidatePairs.Scope scope,
            Settings settings) {
        return estimate(
                records, comparisons, ComparisonVectors.compute(records, comparisons, candidatePairs), scope, settings);
    }

    /** Estimates from precomputed comparison vectors of the candidate pairs. */
    public static MatchModel estimate(
            List<MatchRecord> records,
            List<Comparison> comparisons,
            ComparisonVectors vectors,
            CandidatePairs.Scope scope,
            Settings settings) {
        if (vectors.pairs() == 0) {
            throw new IdentityException(
                    IdentityErrorCode.MATCHING_FAILED,
                    "No candidate pairs to estimate the model from: loosen the blocking rules or add records");
        }
        int count = comparisons.size();
        if (count > 15) {
            throw new IdentityException(IdentityErrorCode.MATCHING_FAILED, "At most 15 comparisons, got " + count);
        }
        double[][] u = randomU(records, comparisons, scope, settings);
        double[][] priorU = new double[count][];
        for (int c = 0; c < count; c++) {
            priorU[c] = u[c].clone();
        }
        double[][] m = new double[count][];
        for (int c = 0; c < count; c++) {
            int levels = comparisons.get(c).levels();
            m[c] = new double[levels];
            double rest = 0.1;
            m[c][0] = 0.9;
            for (int l = 1; l < levels; l++) {
                m[c][l] = rest / (levels - 1);
            }
        }
        double[][] priorM = new double[count][];
        for (int c = 0; c < count; c++) {
            priorM[c] = m[c].clone();
        }
        Map<Long, int[]> patterns = new HashMap<>();
        Map<Long, Long> counts = new HashMap<>();
        for (int pair = 0; pair < vectors.pairs(); pair++) {
            int[] levels = vectors.levels(pair);
            long key = encode(levels);
            patterns.putIfAbsent(key, levels);
            counts.merge(key, 1L, Long::sum);
        }
        int[][] pattern = new int[patterns.size()][];
        double[] weight = new double[patterns.size()];
        int index = 0;
        for (Map.Entry<Long, int[]> entry : patterns.entrySet()) {
            pattern[index] = entry.getValue();
            weight[index] = counts.get(entry.getKey());
            index++;
        }
        double lambda = 0.1;
        double[] posterior = new double[pattern.length];
        for (int iteration = 0; iteration < settings.maxIterations(); iteration++) {
            double matches = 0;
            double total = 0;
            for (int p = 0; p < pattern.length; p++) {
                double logMatch = Math.log(lambda);
                double logNonMatch = Math.log(1 - lambda);
                for (int c = 0; c < count; c++) {
                    int level = pattern[p][c];
                    if (level != Comparison.NULL) {
                        logMatch += Math.log(m[c][level]);
                        logNonMatch += Math.log(u[c][level]);
                    }
                }
                posterior[p] = 1 / (1 + Math.exp(logNonMatch - logMatch));
                matches += weight[p] * posterior[p];
                total += weight[p];
            }
            double[][] newM = new double[count][];
            double[][] newU = new double[count][];
            for (int c = 0; c < count; c++) {
                newM[c] = new double[m[c].length];
                newU[c] = new double[u[c].length];
            }
            for (int p = 0; p < pattern.length; p++) {
                for (int c = 0; c < count; c++) {
                    int level = pattern[p][c];
                    if (level != Comparison.NULL) {
                        newM[c][level] += weight[p] * posterior[p];
                        newU[c][level] += weight[p] * (1 - posterior[p]);
                    }
                }
            }
            double change = 0;
            for (int c = 0; c < count; c++) {
                for (int l = 0; l < newM[c].length; l++) {
                    newM[c][l] += settings.priorPairs() * priorM[c][l];
                    newU[c][l] += settings.priorPairs() * priorU[c][l];
                }
                normalise(newM[c]);
                if (settings.uEstimation() == UEstimation.RANDOM_PAIRS) {
                    newU[c] = u[c];
                } else {
                    normalise(newU[c]);
                }
                for (int l = 0; l < newM[c].length; l++) {
                    change = Math.max(change, Math.abs(newM[c][l] - m[c][l]));
                    change = Math.max(change, Math.abs(newU[c][l] - u[c][l]));
                }
            }
            double newLambda = Math.min(1 - FLOOR, Math.max(FLOOR, matches / total));
            change = Math.max(change, Math.abs(newLambda - lambda));
            m = newM;
            u = newU;
            lambda = newLambda;
            if (change < settings.tolerance()) {
                break;
            }
        }
        return new MatchModel(comparisons, lambda, m, u);
    }

    private static long encode(int[] levels) {
        long key = 0;
        for (int level : levels) {
            key = (key << 4) | (level + 1);
        }
        return key;
    }

    private static double[][] randomU(
            List<MatchRecord> records, List<Comparison> comparisons, CandidatePairs.Scope scope, Settings settings) {
        Random random = new Random(settings.seed());
        String[][] values = ComparisonVectors.values(records, comparisons);
        double[][] counts = new double[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            counts[c] = new double[comparisons.get(c).levels()];
        }
        int sampled = 0;
        for (int attempt = 0; attempt < settings.randomPairs() * 4 && sampled < settings.randomPairs(); attempt++) {
            int i = random.nextInt(records.size());
            int j = random.nextInt(records.size());
            if (i == j
                    || (scope == CandidatePairs.Scope.ACROSS_SOURCES
                            && records.get(i).source().equals(records.get(j).source()))) {
                continue;
            }
            for (int c = 0; c < comparisons.size(); c++) {
                int level = comparisons.get(c).levelOf(values[i][c], values[j][c]);
                if (level != Comparison.NULL) {
                    counts[c][level]++;
                }
            }
            sampled++;
        }
        for (double[] row : counts) {
            normalise(row);
        }
        return counts;
    }

    private static void normalise(double[] row) {
        double sum = 0;
        for (int l = 0; l < row.length; l++) {
            row[l] += FLOOR;
            sum += row[l];
        }
        for (int l = 0; l < row.length; l++) {
            row[l] /= sum;
        }
    }
}
