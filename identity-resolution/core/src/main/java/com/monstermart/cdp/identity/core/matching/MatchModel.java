package com.monstermart.cdp.identity.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * Fellegi–Sunter parameters: for each comparison level, m = P(level | match) and u = P(level | non-match), and the
 * prior probability λ that a candidate pair is a match. A pair's match weight is log2(λ/(1-λ)) plus the sum of
 * log2(m/u) of its levels (missing values add nothing); its probability is the logistic of that.
 */
public final class MatchModel {
    private final List<Comparison> comparisons;
    private final double lambda;
    private final double[][] m;
    private final double[][] u;
    private final double[][] weights;

    public MatchModel(List<Comparison> comparisons, double lambda, double[][] m, double[][] u) {
        this.comparisons = List.copyOf(requireNonNull(comparisons, "comparisons is null"));
        if (!(lambda > 0 && lambda < 1)) {
            throw new IllegalArgumentException("lambda must be in (0, 1), got " + lambda);
        }
        this.lambda = lambda;
        this.m = deepCopy(m);
        this.u = deepCopy(u);
        this.weights = new double[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            if (m[c].length != comparisons.get(c).levels()
                    || u[c].length != comparisons.get(c).levels()) {
                throw new IllegalArgumentException(
                        "m/u of " + comparisons.get(c).field() + " do not fit its levels");
            }
            weights[c] = new double[m[c].length];
            for (int l = 0; l < m[c].length; l++) {
                weights[c][l] = log2(m[c][l] / u[c][l]);
            }
        }
    }

    /**
     * A conservative model to start with before there is data to estimate one: exact agreement m=0.9 u=0.01,
     * disagreement m=0.02 u=0.9, levels between share m=0.08 and u=0.09, prior 0.001. Only near-complete agreement
     * on several fields reaches 0.99.
     */
    public static MatchModel conservativePrior(List<Comparison> comparisons) {
        double[][] m = new double[comparisons.size()][];
        double[][] u = new double[comparisons.size()][];
        for (int c = 0; c < comparisons.size(); c++) {
            int levels = comparisons.get(c).levels();
            m[c] = new double[levels];
            u[c] = new double[levels];
            m[c][0] = 0.9;
            u[c][0] = 0.01;
            m[c][levels - 1] = levels > 2 ? 0.02 : 0.1;
            u[c][levels - 1] = levels > 2 ? 0.9 : 0.99;
            for (int l = 1; l < levels - 1; l++) {
                m[c][l] = 0.08 / (levels - 2);
                u[c][l] = 0.09 / (levels - 2);
            }
        }
        return new MatchModel(comparisons, 0.001, m, u);
    }

    public List<Comparison> comparisons() {
        return comparisons;
    }

    public double lambda() {
        return lambda;
    }

    public double m(int comparison, int level) {
        return m[comparison][level];
    }

    public double u(int comparison, int level) {
        return u[comparison][level];
    }

    /** The comparison levels of a pair. */
    public int[] levels(MatchRecord a, MatchRecord b) {
        int[] levels = new int[comparisons.size()];
        for (int c = 0; c < levels.length; c++) {
            levels[c] = comparisons.get(c).level(a, b);
        }
        return levels;
    }

    /** log2 of the posterior odds of a match. */
    public double weight(int[] levels) {
        double weight = log2(lambda / (1 - lambda));
        for (int c = 0; c < levels.length; c++) {
            if (levels[c] != Comparison.NULL) {
                weight += weights[c][levels[c]];
            }
        }
        return weight;
    }

    public double probability(int[] levels) {
        return probabilityOf(weight(levels));
    }

    public static double probabilityOf(double weight) {
        return 1 / (1 + Math.pow(2, -weight));
    }

    public ScoredPair score(MatchRecord a, MatchRecord b) {
        int[] levels = levels(a, b);
        double weight = weight(levels);
        return new ScoredPair(a.id(), b.id(), probabilityOf(weight), weight, explain(levels));
    }

    /** Per comparison: the field, the level's label and its weight (what a reviewer sees). */
    public List<ScoredPair.Evidence> explain(int[] levels) {
        List<ScoredPair.Evidence> out = new ArrayList<>(levels.length);
        for (int c = 0; c < levels.length; c++) {
            Comparison comparison = comparisons.get(c);
            out.add(
                    levels[c] == Comparison.NULL
                            ? new ScoredPair.Evidence(comparison.field(), "missing", 0)
                            : new ScoredPair.Evidence(
                                    comparison.field(), comparison.labels().get(levels[c]), weights[c][levels[c]]));
        }
        return out;
    }

    private static double log2(double x) {
        return Math.log(x) / Math.log(2);
    }

    private static double[][] deepCopy(double[][] values) {
        double[][] out = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i].clone();
        }
        return out;
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("MatchModel[lambda=%.6f".formatted(lambda));
        for (int c = 0; c < comparisons.size(); c++) {
            out.append(", ").append(comparisons.get(c).field()).append("{");
            for (int l = 0; l < m[c].length; l++) {
                out.append("%s m=%.4f u=%.6f; "
                        .formatted(comparisons.get(c).labels().get(l), m[c][l], u[c][l]));
            }
            out.append("}");
        }
        return out.append("]").toString();
    }
}
