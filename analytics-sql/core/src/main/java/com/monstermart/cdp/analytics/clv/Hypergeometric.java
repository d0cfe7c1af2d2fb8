package com.monstermart.cdp.analytics.clv;

/**
 * Gauss's hypergeometric function 2F1(a, b; c; z) for 0 ≤ z < 1 by its power series, with a bound on the tail: the
 * sum stops when the remaining terms cannot change it by more than a relative 1e-15, and fails loudly (rather than
 * return a truncated sum) when that takes more than a million terms.
 */
public final class Hypergeometric {
    static final int MAX_TERMS = 1_000_000;
    private static final double TOLERANCE = 1e-15;

    private Hypergeometric() {}

    public static double gauss(double a, double b, double c, double z) {
        if (!(z >= 0 && z < 1)) {
            throw new ClvException(
                    ClvErrorCode.NUMERICAL_FAILURE, "2F1 is evaluated only for 0 <= z < 1, z was %s".formatted(z));
        }
        if (c <= 0 && c == Math.rint(c)) {
            throw new ClvException(
                    ClvErrorCode.NUMERICAL_FAILURE,
                    "2F1(%s, %s; %s; %s) is undefined: c is 0 or a negative integer".formatted(a, b, c, z));
        }
        double sum = 1;
        double term = 1;
        for (int n = 0; n < MAX_TERMS; n++) {
            double ratio = (a + n) * (b + n) / ((c + n) * (n + 1)) * z;
            term *= ratio;
            sum += term;
            if (term == 0) {
                return sum; // a or b is a non-positive integer: the series terminates
            }
            if (!Double.isFinite(sum)) {
                break;
            }
            // Far enough out, the term ratio tends to z monotonically: the tail after this term is at most
            // |term| * rho / (1 - rho) with rho the larger of this ratio and z.
            double rho = Math.max(Math.abs(ratio), z);
            if (n > Math.abs(a) + Math.abs(b) + Math.abs(c) && rho < 1) {
                double tail = Math.abs(term) * rho / (1 - rho);
                if (tail <= TOLERANCE * Math.abs(sum)) {
                    return sum;
                }
            }
        }
        throw new ClvException(
                ClvErrorCode.NUMERICAL_FAILURE,
                "2F1(%s, %s; %s; %s) did not converge in %d terms (z is too close to 1: shorten the horizon)"
                        .formatted(a, b, c, z, MAX_TERMS));
    }
}
