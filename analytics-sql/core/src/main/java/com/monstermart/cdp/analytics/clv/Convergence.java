package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

/**
 * How a maximum-likelihood fit ended.
 *
 * @param converged the optimum is a proper maximum: the information matrix there is positive definite and a Newton
 *     step would raise the log-likelihood by less than {@link MaximumLikelihood#IMPROVEMENT_TOLERANCE}
 * @param starts Nelder-Mead searches run from different starting points
 * @param startsAtOptimum how many of them ended within 1e-3 of the best log-likelihood (all of them, on a
 *     well-identified model)
 * @param searchCustomers customers in the likelihood the searches ran on: all of them, or a systematic subsample of
 *     {@link MaximumLikelihood#SEARCH_SAMPLE} for larger inputs (the Newton steps and the reported optimum always use
 *     all)
 * @param evaluations log-likelihood evaluations, all searches and the Newton polish together
 * @param newtonSteps Newton steps taken after the best search
 * @param gradientNorm largest absolute derivative of the log-likelihood with respect to a log-parameter at the optimum
 * @param expectedImprovement the log-likelihood a further Newton step would gain (half the Newton decrement);
 *     {@code NaN} when the information matrix is not positive definite
 * @param message what the numbers mean, in a sentence
 */
public record Convergence(
        boolean converged,
        int starts,
        int startsAtOptimum,
        long searchCustomers,
        long evaluations,
        int newtonSteps,
        double gradientNorm,
        double expectedImprovement,
        String message) {
    public Convergence {
        requireNonNull(message, "message is null");
    }
}
