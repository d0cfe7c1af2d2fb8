package com.monstermart.cdp.analytics.clv;

/**
 * BG/NBD parameters (Fader, Hardie and Lee 2005): while alive a customer buys at Poisson rate lambda ~ Gamma(shape
 * {@code r}, rate {@code alpha}); after each repeat purchase they drop out with probability p ~ Beta({@code a},
 * {@code b}). {@code alpha} is in model periods.
 */
public record BgNbdParameters(double r, double alpha, double a, double b) {
    public BgNbdParameters {
        Checks.positive("r", r);
        Checks.positive("alpha", alpha);
        Checks.positive("a", a);
        Checks.positive("b", b);
    }

    /** Mean purchase rate per period of a customer who is alive, r / alpha. */
    public double meanPurchaseRate() {
        return r / alpha;
    }

    /** Mean dropout probability after a repeat purchase, a / (a + b). */
    public double meanDropoutProbability() {
        return a / (a + b);
    }

    double[] toArray() {
        return new double[] {r, alpha, a, b};
    }

    static BgNbdParameters of(double[] values) {
        return new BgNbdParameters(values[0], values[1], values[2], values[3]);
    }
}
