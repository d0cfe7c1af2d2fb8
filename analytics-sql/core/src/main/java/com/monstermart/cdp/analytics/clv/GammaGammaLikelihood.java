package com.monstermart.cdp.analytics.clv;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma log-likelihood over the customers with repeat purchases and a positive mean spend (the others carry
 * no information on spend), identical (x, m) counted once with a weight.
 */
final class GammaGammaLikelihood implements LogLikelihood {
    private final int[] distinctFrequencies;
    private final int[] frequencyIndex;
    private final double[] frequency;
    private final double[] logFrequency;
    private final double[] spend;
    private final double[] logSpend;
    private final double[] weight;
    private final long customers;

    GammaGammaLikelihood(Collection<CustomerSummary> summaries) {
        Map<Key, Integer> weights = new LinkedHashMap<>();
        long count = 0;
        for (CustomerSummary summary : summaries) {
            if (usable(summary)) {
                weights.merge(new Key(summary.frequency(), summary.monetaryValue()), 1, Integer::sum);
                count++;
            }
        }
        int rows = weights.size();
        this.distinctFrequencies = weights.keySet().stream()
                .mapToInt(Key::frequency)
                .distinct()
                .sorted()
                .toArray();
        this.frequencyIndex = new int[rows];
        this.frequency = new double[rows];
        this.logFrequency = new double[rows];
        this.spend = new double[rows];
        this.logSpend = new double[rows];
        this.weight = new double[rows];
        int row = 0;
        for (Map.Entry<Key, Integer> entry : weights.entrySet()) {
            frequencyIndex[row] = java.util.Arrays.binarySearch(
                    distinctFrequencies, entry.getKey().frequency());
            frequency[row] = entry.getKey().frequency();
            logFrequency[row] = Math.log(frequency[row]);
            spend[row] = entry.getKey().monetaryValue();
            logSpend[row] = Math.log(spend[row]);
            weight[row] = entry.getValue();
            row++;
        }
        this.customers = count;
    }

    /** Whether a customer enters the spend model: at least one repeat purchase and a positive mean spend. */
    static boolean usable(CustomerSummary summary) {
        return summary.frequency() > 0 && summary.monetaryValue() > 0;
    }

    long customers() {
        return customers;
    }

    /** Mean of the customers' mean spends (for starting values). */
    double meanSpend() {
        double sum = 0;
        double count = 0;
        for (int i = 0; i < weight.length; i++) {
            sum += weight[i] * spend[i];
            count += weight[i];
        }
        return sum / count;
    }

    @Override
    public int dimension() {
        return 3;
    }

    @Override
    public double value(double[] logParameters) {
        double p = Math.exp(logParameters[0]);
        double q = Math.exp(logParameters[1]);
        double v = Math.exp(logParameters[2]);
        // The gamma functions depend on x alone: once per distinct x.
        double[] constant = new double[distinctFrequencies.length];
        double common = -Gamma.logGamma(q) + q * Math.log(v);
        for (int k = 0; k < constant.length; k++) {
            double px = p * distinctFrequencies[k];
            constant[k] = Gamma.logGamma(px + q) - Gamma.logGamma(px) + common;
        }
        double sum = 0;
        for (int i = 0; i < weight.length; i++) {
            double px = p * frequency[i];
            sum += weight[i]
                    * (constant[frequencyIndex[i]]
                            + (px - 1) * logSpend[i]
                            + px * logFrequency[i]
                            - (px + q) * Math.log(v + frequency[i] * spend[i]));
        }
        return Double.isNaN(sum) ? Double.NEGATIVE_INFINITY : sum;
    }

    @Override
    public double[] gradient(double[] logParameters) {
        double p = Math.exp(logParameters[0]);
        double q = Math.exp(logParameters[1]);
        double v = Math.exp(logParameters[2]);
        double digammaQ = Gamma.digamma(q);
        double logV = Math.log(v);
        double[] digammaSum = new double[distinctFrequencies.length];
        double[] digammaDifference = new double[distinctFrequencies.length];
        for (int k = 0; k < digammaSum.length; k++) {
            double px = p * distinctFrequencies[k];
            digammaSum[k] = Gamma.digamma(px + q);
            digammaDifference[k] = digammaSum[k] - Gamma.digamma(px);
        }
        double dp = 0;
        double dq = 0;
        double dv = 0;
        for (int i = 0; i < weight.length; i++) {
            int k = frequencyIndex[i];
            double x = frequency[i];
            double total = v + x * spend[i];
            double logTotal = Math.log(total);
            dp += weight[i] * x * (digammaDifference[k] + logSpend[i] + logFrequency[i] - logTotal);
            dq += weight[i] * (digammaSum[k] - digammaQ + logV - logTotal);
            dv += weight[i] * (q / v - (p * x + q) / total);
        }
        return new double[] {dp * p, dq * q, dv * v};
    }

    private record Key(int frequency, double monetaryValue) {}
}
