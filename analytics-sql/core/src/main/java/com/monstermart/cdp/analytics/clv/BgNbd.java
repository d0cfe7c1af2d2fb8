package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * The BG/NBD model's per-customer quantities for fixed parameters, after Fader, Hardie and Lee (2005), "Counting your
 * customers the easy way", and Fader, Hardie and Lee (2008), "Computing P(alive) using the BG/NBD model". Times are
 * in model periods; {@code x} is the frequency (repeat purchases), {@code tx} the recency and {@code age} T.
 */
public final class BgNbd {
    /** Closer than this to a = 1, the expectations (which divide by a - 1) are taken as the mean of a ± 1e-5. */
    private static final double NEAR_ONE = 1e-7;

    private static final double ONE_SIDE = 1e-5;

    private final BgNbdParameters parameters;

    public BgNbd(BgNbdParameters parameters) {
        this.parameters = requireNonNull(parameters, "parameters is null");
    }

    public BgNbdParameters parameters() {
        return parameters;
    }

    /** A customer's log-likelihood, equation (6) of the paper, evaluated with log-sum-exp. */
    public double logLikelihood(int x, double tx, double age) {
        double r = parameters.r();
        double alpha = parameters.alpha();
        double a = parameters.a();
        double b = parameters.b();
        double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
        double a2 = Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + age);
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        return a1 + a2 + logSumExp(a3, a4);
    }

    /**
     * P(alive | x, t_x, T): the probability that the customer has not dropped out by the end of the calibration
     * period. 1 for customers without repeat purchases (the model lets customers drop out only after a repeat
     * purchase).
     */
    public double probabilityAlive(int x, double tx, double age) {
        if (x == 0) {
            return 1;
        }
        double r = parameters.r();
        double alpha = parameters.alpha();
        double logOdds = Math.log(parameters.a())
                - Math.log(parameters.b() + x - 1)
                + (r + x) * (Math.log(alpha + age) - Math.log(alpha + tx));
        // 1 / (1 + e^logOdds) without overflow
        return logOdds > 0 ? Math.exp(-logOdds) / (1 + Math.exp(-logOdds)) : 1 / (1 + Math.exp(logOdds));
    }

    /**
     * E[Y(t) | x, t_x, T]: expected repeat purchases in the next {@code t} periods after the calibration period,
     * equation (10) of the paper. The hypergeometric term is taken in Euler's transformed form
     * {@code ((α+T)/(α+T+t))^(r+x) 2F1(r+x, b+x; a+b+x-1; z) = (1-z)^(a-1) 2F1(a+b-1-r, a-1; a+b+x-1; z)}, z =
     * t/(α+T+t), whose series neither overflows for frequent buyers nor needs x terms to start decaying.
     */
    public double conditionalExpectedPurchases(double t, int x, double tx, double age) {
        Checks.notNegative("t", t);
        if (t == 0) {
            return 0;
        }
        return expectedGivenAlive(t, x, age) * probabilityAlive(x, tx, age);
    }

    /** E[X(t)]: expected repeat purchases of a new customer in their first {@code t} periods, equation (9). */
    public double expectedPurchases(double t) {
        Checks.notNegative("t", t);
        return t == 0 ? 0 : expectedGivenAlive(t, 0, 0);
    }

    /** P(X(t) = n): probability of exactly {@code n} repeat purchases in a new customer's first t periods, eq. (8). */
    public double probabilityOfPurchases(int n, double t) {
        if (n < 0) {
            throw ClvException.invalid("n must be 0 or more, was %d", n);
        }
        Checks.notNegative("t", t);
        if (t == 0) {
            return n == 0 ? 1 : 0;
        }
        double r = parameters.r();
        double alpha = parameters.alpha();
        double a = parameters.a();
        double b = parameters.b();
        double logShare = Math.log(alpha) - Math.log(alpha + t);
        double logComplement = Math.log(t) - Math.log(alpha + t);
        double logBetaAB = Beta.logBeta(a, b);
        double first = Math.exp(Beta.logBeta(a, b + n)
                - logBetaAB
                + Gamma.logGamma(r + n)
                - Gamma.logGamma(r)
                - Gamma.logGamma(n + 1.0)
                + r * logShare
                + n * logComplement);
        if (n == 0) {
            return first;
        }
        double partial = 0;
        for (int j = 0; j < n; j++) {
            partial +=
                    Math.exp(Gamma.logGamma(r + j) - Gamma.logGamma(r) - Gamma.logGamma(j + 1.0) + j * logComplement);
        }
        double second = Math.exp(Beta.logBeta(a + 1, b + n - 1) - logBetaAB) * (1 - Math.exp(r * logShare) * partial);
        return first + second;
    }

    /** The expectation of eq. (10) for a customer known to be alive (the numerator of the paper's ratio). */
    private double expectedGivenAlive(double t, int x, double age) {
        double a = parameters.a();
        if (Math.abs(a - 1) < NEAR_ONE) {
            return (expectedGivenAlive(t, x, age, 1 - ONE_SIDE) + expectedGivenAlive(t, x, age, 1 + ONE_SIDE)) / 2;
        }
        return expectedGivenAlive(t, x, age, a);
    }

    private double expectedGivenAlive(double t, int x, double age, double a) {
        double r = parameters.r();
        double alpha = parameters.alpha();
        double b = parameters.b();
        double z = t / (alpha + age + t);
        double logOneMinusZ = Math.log(alpha + age) - Math.log(alpha + age + t);
        double series = Hypergeometric.gauss(a + b - 1 - r, a - 1, a + b + x - 1, z);
        double result = (a + b + x - 1) / (a - 1) * (1 - Math.exp((a - 1) * logOneMinusZ) * series);
        if (!Double.isFinite(result)) {
            throw new ClvException(
                    ClvErrorCode.NUMERICAL_FAILURE,
                    "expected purchases are not finite for %s, x = %d, T = %s, t = %s"
                            .formatted(parameters, x, age, t));
        }
        return result;
    }

    static double logSumExp(double first, double second) {
        double max = Math.max(first, second);
        if (max == Double.NEGATIVE_INFINITY) {
            return max;
        }
        return max + Math.log(Math.exp(first - max) + Math.exp(second - max));
    }
}
