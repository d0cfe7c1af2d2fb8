package com.monstermart.cdp.analytics.clv;

/**
 * Gamma-Gamma parameters (Fader, Hardie and Lee 2005; Fader and Hardie 2013): each transaction's spend is Gamma(shape
 * {@code p}, rate nu), and nu varies across customers as Gamma(shape {@code q}, rate {@code v}) — {@code v} is the
 * literature's gamma, in money units.
 */
public record GammaGammaParameters(double p, double q, double v) {
    public GammaGammaParameters {
        Checks.positive("p", p);
        Checks.positive("q", q);
        Checks.positive("v", v);
    }

    /**
     * Mean spend per transaction across customers, p v / (q - 1); infinite when q ≤ 1 (the population has no finite
     * mean, and customers without repeat purchases get no finite expected spend).
     */
    public double populationMeanSpend() {
        return q > 1 ? p * v / (q - 1) : Double.POSITIVE_INFINITY;
    }

    double[] toArray() {
        return new double[] {p, q, v};
    }

    static GammaGammaParameters of(double[] values) {
        return new GammaGammaParameters(values[0], values[1], values[2]);
    }
}
