package com.monstermart.cdp.analytics.clv;

import java.util.Collection;
import java.util.List;

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood on the customers with repeat purchases and a positive mean
 * spend (the model describes the mean of repeat transactions; the others carry no information on it).
 */
public final class GammaGammaFitter {
    private static final String[] NAMES = {"p", "q", "v"};

    /**
     * Fits the model.
     *
     * @throws ClvException {@link ClvErrorCode#INVALID_INPUT} when no customer has a repeat purchase with a positive
     *     mean spend
     */
    public GammaGammaFit fit(Collection<CustomerSummary> summaries) {
        GammaGammaLikelihood likelihood = new GammaGammaLikelihood(summaries);
        if (likelihood.customers() == 0) {
            throw ClvException.invalid("no customer has a repeat purchase with a positive monetary value: the"
                    + " Gamma-Gamma spend model cannot be fitted (is the amount column empty or zero?)");
        }
        List<CustomerSummary> sample = MaximumLikelihood.searchSample(
                summaries.stream().filter(GammaGammaLikelihood::usable).toList());
        GammaGammaLikelihood search =
                sample.size() == likelihood.customers() ? likelihood : new GammaGammaLikelihood(sample);
        double mean = likelihood.meanSpend();
        List<double[]> starts =
                List.of(BgNbdFitter.logs(1, 1, mean), BgNbdFitter.logs(2, 3, mean), BgNbdFitter.logs(5, 5, 2 * mean));
        MaximumLikelihood.Estimate estimate =
                MaximumLikelihood.maximise(likelihood, search, sample.size(), NAMES, starts);
        double[] values = BgNbdFitter.exp(estimate.logParameters());
        return new GammaGammaFit(
                GammaGammaParameters.of(values),
                estimate.logLikelihood(),
                likelihood.customers(),
                BgNbdFitter.estimates(NAMES, values, estimate.standardErrorsOfLogs()),
                estimate.convergence());
    }
}
