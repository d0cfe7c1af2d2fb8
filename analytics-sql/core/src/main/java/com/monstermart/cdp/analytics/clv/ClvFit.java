package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Both lifetime-value models fitted on one population.
 *
 * @param bgNbd the purchase and dropout model
 * @param gammaGamma the spend model; empty when the input had no amounts
 */
public record ClvFit(BgNbdFit bgNbd, Optional<GammaGammaFit> gammaGamma) {
    public ClvFit {
        requireNonNull(bgNbd, "bgNbd is null");
        requireNonNull(gammaGamma, "gammaGamma is null");
    }

    /** The per-customer calculator for these fits. */
    public CustomerValueCalculator calculator(ValueSettings settings) {
        GammaGammaFit spend = gammaGamma.orElseThrow(() -> ClvException.invalid(
                "the input has no amounts: lifetime value needs the spend model (give an amount column)"));
        return new CustomerValueCalculator(bgNbd.parameters(), spend.parameters(), settings);
    }
}
