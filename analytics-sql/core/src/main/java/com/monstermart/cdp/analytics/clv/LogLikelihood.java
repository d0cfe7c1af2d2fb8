package com.monstermart.cdp.analytics.clv;

/**
 * A model's total log-likelihood over a data set as a function of its log-parameters (every parameter is positive, so
 * the optimiser works on their logarithms, unconstrained).
 */
interface LogLikelihood {
    int dimension();

    /** Total log-likelihood; {@code -Infinity} where it is not defined. */
    double value(double[] logParameters);

    /** The gradient with respect to the log-parameters. */
    double[] gradient(double[] logParameters);
}
