package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

/**
 * One fitted parameter.
 *
 * @param name the parameter's name in the literature ({@code r}, {@code alpha}, ... {@code v} for Gamma-Gamma's
 *     gamma)
 * @param value the maximum-likelihood estimate
 * @param standardError its asymptotic standard error from the observed information matrix (delta method from the
 *     log-parameters); {@code NaN} when that matrix is not positive definite
 */
public record ParameterEstimate(String name, double value, double standardError) {
    public ParameterEstimate {
        requireNonNull(name, "name is null");
    }
}
