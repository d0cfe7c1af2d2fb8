package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A Gamma-Gamma spend model fitted by maximum likelihood.
 *
 * @param parameters the estimates
 * @param logLikelihood the maximised total log-likelihood (of the customers' mean spends)
 * @param customers customers in the fit: those with repeat purchases and a positive mean spend
 * @param estimates each parameter with its standard error
 * @param convergence how the optimisation ended
 */
public record GammaGammaFit(
        GammaGammaParameters parameters,
        double logLikelihood,
        long customers,
        List<ParameterEstimate> estimates,
        Convergence convergence) {
    public GammaGammaFit {
        requireNonNull(parameters, "parameters is null");
        estimates = List.copyOf(requireNonNull(estimates, "estimates is null"));
        requireNonNull(convergence, "convergence is null");
    }

    public GammaGamma model() {
        return new GammaGamma(parameters);
    }
}
