package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import org.hipparchus.special.Gamma;

/**
 * The Gamma-Gamma spend model's per-customer quantities for fixed parameters, after Fader and Hardie (2013), "The
 * Gamma-Gamma model of monetary value" (equations 1a and 5). {@code x} is the number of repeat transactions, {@code m}
 * their mean spend.
 */
public final class GammaGamma {
    private final GammaGammaParameters parameters;

    public GammaGamma(GammaGammaParameters parameters) {
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    public GammaGammaParameters parameters() {
        return parameters;
    }

    /** Log-density of a customer's mean spend {@code m} over {@code x} transactions (x ≥ 1, m > 0). */
    public double logLikelihood(int x, double m) {
        if (x < 1 || !(m > 0)) {
            throw ClvException.invalid(
                    "the Gamma-Gamma likelihood needs at least one transaction and a positive mean spend, was x = %d,"
                            + " m = %s",
                    x, m);
        }
        double p = parameters.p();
        double q = parameters.q();
        double v = parameters.v();
        double px = p * x;
        return Gamma.logGamma(px + q)
                - Gamma.logGamma(px)
                - Gamma.logGamma(q)
                + q * Math.log(v)
                + (px - 1) * Math.log(m)
                + px * Math.log(x)
                - (px + q) * Math.log(v + x * m);
    }

    /**
     * E[spend per transaction | x, m]: the customer's expected mean spend, a weighted mean of the population mean and
     * their own mean, {@code (v + m x) p / (p x + q - 1)}. For a customer without repeat purchases (x = 0) it is the
     * population mean.
     */
    public double expectedAverageSpend(int x, double m) {
        if (x < 0) {
            throw ClvException.invalid("x must be 0 or more, was %d", x);
        }
        Checks.notNegative("m", m);
        double p = parameters.p();
        double denominator = p * x + parameters.q() - 1;
        if (!(denominator > 0)) {
            throw new ClvException(
                    ClvErrorCode.NUMERICAL_FAILURE,
                    "expected spend is not finite for %s and x = %d: p x + q - 1 must be above 0 (with q ≤ 1 the"
                                    .formatted(parameters, x)
                            + " population has no finite mean spend; fit on more customers or use their own mean)");
        }
        return (parameters.v() + m * x) * p / denominator;
    }
}
