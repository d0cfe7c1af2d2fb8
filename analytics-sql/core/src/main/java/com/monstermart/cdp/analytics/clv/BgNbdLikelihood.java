package com.monstermart.cdp.analytics.clv;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD log-likelihood over customers, with customers of identical (x, t_x, T) counted once with a weight (as
 * Fader and Hardie condense the data), and the terms that depend on x alone computed once per distinct x.
 */
final class BgNbdLikelihood implements LogLikelihood {
    private final int[] distinctFrequencies;
    private final int[] frequencyIndex;
    private final double[] recency;
    private final double[] age;
    private final double[] weight;
    private final long customers;

    BgNbdLikelihood(Collection<CustomerSummary> summaries) {
        Map<Key, Integer> weights = new LinkedHashMap<>();
        for (CustomerSummary summary : summaries) {
            weights.merge(new Key(summary.frequency(), summary.recency(), summary.age()), 1, Integer::sum);
        }
        int rows = weights.size();
        this.frequencyIndex = new int[rows];
        this.recency = new double[rows];
        this.age = new double[rows];
        this.weight = new double[rows];
        this.distinctFrequencies = weights.keySet().stream()
                .mapToInt(Key::frequency)
                .distinct()
                .sorted()
                .toArray();
        int row = 0;
        for (Map.Entry<Key, Integer> entry : weights.entrySet()) {
            frequencyIndex[row] =
                    Arrays.binarySearch(distinctFrequencies, entry.getKey().frequency());
            recency[row] = entry.getKey().recency();
            age[row] = entry.getKey().age();
            weight[row] = entry.getValue();
            row++;
        }
        this.customers = summaries.size();
    }

    long customers() {
        return customers;
    }

    int rows() {
        return weight.length;
    }

    @Override
    public int dimension() {
        return 4;
    }

    @Override
    public double value(double[] logParameters) {
        double r = Math.exp(logParameters[0]);
        double alpha = Math.exp(logParameters[1]);
        double a = Math.exp(logParameters[2]);
        double b = Math.exp(logParameters[3]);
        int distinct = distinctFrequencies.length;
        double[] constant = new double[distinct];
        double[] logA4 = new double[distinct];
        double commonGamma = Gamma.logGamma(r);
        double commonBeta = Gamma.logGamma(a + b) - Gamma.logGamma(b);
        double logAlpha = Math.log(alpha);
        for (int k = 0; k < distinct; k++) {
            int x = distinctFrequencies[k];
            constant[k] = Gamma.logGamma(r + x)
                    - commonGamma
                    + r * logAlpha
                    + commonBeta
                    + Gamma.logGamma(b + x)
                    - Gamma.logGamma(a + b + x);
            logA4[k] = x == 0 ? Double.NEGATIVE_INFINITY : Math.log(a) - Math.log(b + x - 1);
        }
        double sum = 0;
        for (int i = 0; i < weight.length; i++) {
            int k = frequencyIndex[i];
            double shape = r + distinctFrequencies[k];
            double a3 = -shape * Math.log(alpha + age[i]);
            double term;
            if (distinctFrequencies[k] == 0) {
                term = a3;
            } else {
                term = BgNbd.logSumExp(a3, logA4[k] - shape * Math.log(alpha + recency[i]));
            }
            sum += weight[i] * (constant[k] + term);
        }
        return Double.isNaN(sum) ? Double.NEGATIVE_INFINITY : sum;
    }

    @Override
    public double[] gradient(double[] logParameters) {
        double r = Math.exp(logParameters[0]);
        double alpha = Math.exp(logParameters[1]);
        double a = Math.exp(logParameters[2]);
        double b = Math.exp(logParameters[3]);
        int distinct = distinctFrequencies.length;
        double[] constantR = new double[distinct];
        double[] constantA = new double[distinct];
        double[] constantB = new double[distinct];
        double[] logA4 = new double[distinct];
        double digammaR = Gamma.digamma(r);
        double digammaAB = Gamma.digamma(a + b);
        double digammaB = Gamma.digamma(b);
        double logAlpha = Math.log(alpha);
        for (int k = 0; k < distinct; k++) {
            int x = distinctFrequencies[k];
            double digammaABX = Gamma.digamma(a + b + x);
            constantR[k] = Gamma.digamma(r + x) - digammaR + logAlpha;
            constantA[k] = digammaAB - digammaABX;
            constantB[k] = digammaAB + Gamma.digamma(b + x) - digammaB - digammaABX;
            logA4[k] = x == 0 ? Double.NEGATIVE_INFINITY : Math.log(a) - Math.log(b + x - 1);
        }
        double dr = 0;
        double dAlpha = 0;
        double da = 0;
        double db = 0;
        for (int i = 0; i < weight.length; i++) {
            int k = frequencyIndex[i];
            int x = distinctFrequencies[k];
            double shape = r + x;
            double logAge = Math.log(alpha + age[i]);
            double w = weight[i];
            if (x == 0) {
                dr += w * (constantR[k] - logAge);
                dAlpha += w * (r / alpha - shape / (alpha + age[i]));
                continue;
            }
            double logRecency = Math.log(alpha + recency[i]);
            double a3 = -shape * logAge;
            double a4 = logA4[k] - shape * logRecency;
            // softmax weights of the two terms of the likelihood
            double share4 = a4 > a3 ? 1 / (1 + Math.exp(a3 - a4)) : Math.exp(a4 - a3) / (1 + Math.exp(a4 - a3));
            double share3 = 1 - share4;
            dr += w * (constantR[k] - share3 * logAge - share4 * logRecency);
            dAlpha += w * (r / alpha - share3 * shape / (alpha + age[i]) - share4 * shape / (alpha + recency[i]));
            da += w * (constantA[k] + share4 / a);
            db += w * (constantB[k] - share4 / (b + x - 1));
        }
        return new double[] {dr * r, dAlpha * alpha, da * a, db * b};
    }

    private record Key(int frequency, double recency, double age) {}
}
