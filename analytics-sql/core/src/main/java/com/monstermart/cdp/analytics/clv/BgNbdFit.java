package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A BG/NBD model fitted by maximum likelihood.
 *
 * @param parameters the estimates
 * @param logLikelihood the maximised total log-likelihood
 * @param customers customers in the fit
 * @param estimates each parameter with its standard error
 * @param convergence how the optimisation ended
 */
public record BgNbdFit(
        BgNbdParameters parameters,
        double logLikelihood,
        long customers,
        List<ParameterEstimate> estimates,
        Convergence convergence) {
    public BgNbdFit {
        requireNonNull(parameters, "parameters is null");
        estimates = List.copyOf(requireNonNull(estimates, "estimates is null"));
        requireNonNull(convergence, "convergence is null");
    }

    public BgNbd model() {
        return new BgNbd(parameters);
    }
}
