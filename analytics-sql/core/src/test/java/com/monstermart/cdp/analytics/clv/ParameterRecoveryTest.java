package com.monstermart.cdp.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fitting a population drawn from known parameters recovers them within their sampling error: each estimate is within
 * four of its own standard errors of the truth, on the log scale the optimiser works on (a 4-sigma band: a correct
 * fitter fails it with probability about 6e-5 per parameter, a biased one quickly does not).
 */
class ParameterRecoveryTest {
    static final double SIGMAS = 4;

    @Test
    void recoversCdnowLikeParametersFromTwentyThousandSimulatedCustomers() {
        BgNbdParameters purchases = new BgNbdParameters(0.243, 4.414, 0.793, 2.426);
        GammaGammaParameters spend = new GammaGammaParameters(6.25, 3.74, 15.44);
        List<CustomerSummary> customers = new Simulator(20_251_122).customers(20_000, purchases, spend, 26, 78);

        BgNbdFit bgNbd = new BgNbdFitter().fit(customers);
        assertThat(bgNbd.convergence().converged()).isTrue();
        assertWithinSampling(bgNbd.estimates(), purchases.toArray());

        GammaGammaFit gammaGamma = new GammaGammaFitter().fit(customers);
        assertThat(gammaGamma.convergence().converged()).isTrue();
        assertWithinSampling(gammaGamma.estimates(), spend.toArray());
    }

    @Test
    void standardErrorsShrinkWithTheSquareRootOfTheSampleSize() {
        BgNbdParameters purchases = new BgNbdParameters(0.5, 10, 0.8, 2.5);
        GammaGammaParameters spend = new GammaGammaParameters(6.25, 3.74, 40);
        BgNbdFit small = new BgNbdFitter().fit(new Simulator(1).customers(4_000, purchases, spend, 26, 78));
        BgNbdFit large = new BgNbdFitter().fit(new Simulator(2).customers(16_000, purchases, spend, 26, 78));
        for (int i = 0; i < 4; i++) {
            double ratio = small.estimates().get(i).standardError()
                    / large.estimates().get(i).standardError();
            // sqrt(16,000 / 4,000) = 2, up to the difference between the two samples' estimates
            assertThat(ratio).as(small.estimates().get(i).name()).isBetween(1.6, 2.5);
        }
    }

    @Test
    void searchingOnASubsampleOfALargeInputFindsTheFullDataOptimum() {
        BgNbdParameters purchases = new BgNbdParameters(0.6, 50, 0.8, 2.5);
        GammaGammaParameters spend = new GammaGammaParameters(6.25, 3.74, 40);
        List<CustomerSummary> customers = new Simulator(3).customers(40_000, purchases, spend, 90, 730);
        BgNbdFit fit = new BgNbdFitter().fit(customers);
        assertThat(fit.convergence().searchCustomers()).isLessThanOrEqualTo(MaximumLikelihood.SEARCH_SAMPLE);
        assertThat(fit.convergence().converged()).isTrue();

        BgNbdLikelihood all = new BgNbdLikelihood(customers);
        MaximumLikelihood.Estimate direct = MaximumLikelihood.maximise(
                all,
                all,
                customers.size(),
                new String[] {"r", "alpha", "a", "b"},
                List.of(BgNbdFitter.logs(1, 73, 1, 1)));
        assertThat(direct.convergence().converged()).isTrue();
        assertThat(fit.logLikelihood()).isCloseTo(direct.logLikelihood(), org.assertj.core.api.Assertions.within(1e-6));
        double[] expected = BgNbdFitter.exp(direct.logParameters());
        double[] actual = fit.parameters().toArray();
        for (int i = 0; i < 4; i++) {
            assertThat(actual[i]).isCloseTo(expected[i], org.assertj.core.api.Assertions.withinPercentage(1e-3));
        }
    }

    static void assertWithinSampling(List<ParameterEstimate> estimates, double[] truth) {
        for (int i = 0; i < truth.length; i++) {
            ParameterEstimate estimate = estimates.get(i);
            double logStandardError = estimate.standardError() / estimate.value();
            assertThat(logStandardError)
                    .as("relative standard error of %s", estimate.name())
                    .isFinite()
                    .isPositive();
            assertThat(Math.abs(Math.log(estimate.value()) - Math.log(truth[i])))
                    .as(
                            "%s = %s (se %s), truth %s",
                            estimate.name(), estimate.value(), estimate.standardError(), truth[i])
                    .isLessThanOrEqualTo(SIGMAS * logStandardError);
        }
    }
}
