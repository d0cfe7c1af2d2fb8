package com.monstermart.cdp.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-customer formulas against published values: Hardie's BG/NBD spreadsheet (as lifetimes' tests quote it), the
 * R package BTYD's documented probabilities, and Hardie's Gamma-Gamma spreadsheet. All at the published parameters.
 */
class PerCustomerFormulaTest {
    static final BgNbd CDNOW = new BgNbd(new BgNbdParameters(0.243, 4.414, 0.793, 2.426));
    static final GammaGamma CDNOW_SPEND = new GammaGamma(new GammaGammaParameters(6.25, 3.74, 15.44));

    @Test
    void conditionalExpectationMatchesHardiesSpreadsheet() {
        // Customer with x = 2, t_x = 30.43, T = 38.86: 1.226 purchases expected in the next 39 weeks.
        assertThat(CDNOW.conditionalExpectedPurchases(39, 2, 30.43, 38.86)).isCloseTo(1.226, within(0.0005));
    }

    @Test
    void unconditionalExpectationMatchesHardiesSpreadsheet() {
        // At the maximum-likelihood estimates (unrounded), to the spreadsheet's 4 decimals within 5e-4: its Solver
        // optimum differs from ours in the fourth decimal of the parameters.
        BgNbd fitted = new BgNbdFitter().fit(Cdnow.summaries()).model();
        double[] times = {0.1429, 1.0, 3.00, 31.8571, 32.00, 78.00};
        double[] expected = {0.0078, 0.0532, 0.1506, 1.0405, 1.0437, 1.8576};
        for (int i = 0; i < times.length; i++) {
            assertThat(fitted.expectedPurchases(times[i]))
                    .as("E[X(%s)]", times[i])
                    .isCloseTo(expected[i], within(0.0005));
        }
    }

    @Test
    void purchaseCountProbabilitiesMatchBtyd() {
        assertThat(CDNOW.probabilityOfPurchases(10, 2)).isCloseTo(1.07869e-07, within(1e-11));
        assertThat(CDNOW.probabilityOfPurchases(0, 39)).isCloseTo(0.5737864, within(1e-7));
        double[] expected = {
            0.0019995214, 0.0015170236, 0.0011633150, 0.0009003148, 0.0007023638,
            0.0005517902, 0.0004361913, 0.0003467171, 0.0002769613, 0.0002222260
        };
        for (int n = 11; n <= 20; n++) {
            assertThat(CDNOW.probabilityOfPurchases(n, 30))
                    .as("P(X(30) = %d)", n)
                    .isCloseTo(expected[n - 11], within(1e-9));
        }
    }

    @Test
    void purchaseCountProbabilitiesSumToOneAndTheirMeanIsTheExpectation() {
        double total = 0;
        double mean = 0;
        for (int n = 0; n < 2000; n++) {
            double probability = CDNOW.probabilityOfPurchases(n, 39);
            total += probability;
            mean += n * probability;
        }
        assertThat(total).isCloseTo(1, within(1e-6));
        assertThat(mean).isCloseTo(CDNOW.expectedPurchases(39), within(1e-4));
    }

    @Test
    void probabilityAliveIsTheAliveShareOfTheLikelihood() {
        BgNbdParameters p = CDNOW.parameters();
        int x = 2;
        double tx = 30.43;
        double age = 38.86;
        // The likelihood is the sum of "still alive at T" and "dropped out after the last purchase"; P(alive) is the
        // first term's share (Fader, Hardie and Lee 2008).
        double alive = -(p.r() + x) * Math.log(p.alpha() + age);
        double dropped = Math.log(p.a()) - Math.log(p.b() + x - 1) - (p.r() + x) * Math.log(p.alpha() + tx);
        double share = Math.exp(alive - BgNbd.logSumExp(alive, dropped));
        assertThat(CDNOW.probabilityAlive(x, tx, age)).isCloseTo(share, within(1e-14));
        assertThat(CDNOW.probabilityAlive(x, tx, age)).isCloseTo(0.8, within(0.1));
    }

    @Test
    void probabilityAliveLimits() {
        assertThat(CDNOW.probabilityAlive(0, 0, 38.86)).isEqualTo(1);
        // Bought at the very end: only the dropout after that last purchase is possible, 1 / (1 + a / (b + x - 1)).
        assertThat(CDNOW.probabilityAlive(1, 20, 20)).isCloseTo(1 / (1 + 0.793 / 2.426), within(1e-12));
        // Long silent since the last purchase: nearly surely gone, and stays a probability for extreme histories.
        assertThat(CDNOW.probabilityAlive(30, 1, 78)).isBetween(0.0, 1e-20);
        for (int x = 0; x <= 90; x += 10) {
            for (double tx = x == 0 ? 0 : 1; tx <= 90; tx += 10) {
                for (double age = tx; age <= 100; age += 10) {
                    assertThat(CDNOW.probabilityAlive(x, tx, age)).isBetween(0.0, 1.0);
                }
            }
        }
    }

    @Test
    void conditionalExpectationOfANewCustomerIsTheUnconditionalOne() {
        assertThat(CDNOW.conditionalExpectedPurchases(39, 0, 0, 0))
                .isCloseTo(CDNOW.expectedPurchases(39), within(1e-15));
        assertThat(CDNOW.conditionalExpectedPurchases(0, 5, 10, 20)).isZero();
    }

    @Test
    void conditionalExpectationStaysFiniteForHeavyBuyersAndLongHorizons() {
        // x = 400: the direct series is still finite (about 1e137) and both forms agree.
        double r = 0.243;
        double alpha = 4.414;
        double a = 0.793;
        double b = 2.426;
        int x = 400;
        double z = 52 / (alpha + 38.86 + 52);
        double hypergeometric = Math.pow(1 - z, r + x) * Hypergeometric.gauss(r + x, b + x, a + b + x - 1, z);
        double direct = (a + b + x - 1)
                / (a - 1)
                * (1 - hypergeometric)
                / (1 + a / (b + x - 1) * Math.pow((alpha + 38.86) / (alpha + 38), r + x));
        assertThat(CDNOW.conditionalExpectedPurchases(52, x, 38, 38.86)).isCloseTo(direct, within(1e-9 * direct));
        // x = 3000: the direct series overflows ((1-z)^-3000); the Euler form gives a finite expectation below what a
        // customer buying at the posterior mean rate forever would make.
        double heavy = CDNOW.conditionalExpectedPurchases(52, 3000, 38.86, 38.86);
        assertThat(heavy).isFinite().isPositive().isLessThan((r + 3000) / (alpha + 38.86) * 52);
        // Ten years ahead: still converges, and more than one year.
        double decade = CDNOW.conditionalExpectedPurchases(520, 2, 30.43, 38.86);
        assertThat(decade).isFinite().isGreaterThan(CDNOW.conditionalExpectedPurchases(52, 2, 30.43, 38.86));
    }

    @Test
    void expectationsAreContinuousThroughAEqualToOne() {
        // The formulas divide by a - 1; near a = 1 they are evaluated on both sides.
        BgNbd below = new BgNbd(new BgNbdParameters(0.5, 5, 1 - 1e-4, 2));
        BgNbd at = new BgNbd(new BgNbdParameters(0.5, 5, 1, 2));
        BgNbd above = new BgNbd(new BgNbdParameters(0.5, 5, 1 + 1e-4, 2));
        double atOne = at.conditionalExpectedPurchases(39, 3, 20, 38);
        assertThat(atOne).isFinite();
        assertThat(atOne).isCloseTo(below.conditionalExpectedPurchases(39, 3, 20, 38), within(1e-3));
        assertThat(atOne).isCloseTo(above.conditionalExpectedPurchases(39, 3, 20, 38), within(1e-3));
    }

    @Test
    void expectedAverageSpendMatchesHardiesSpreadsheet() {
        // The spreadsheet works from unrounded mean spends and estimates: use ours from the transactions.
        List<CustomerSummary> customers = new TransactionSummarizer(
                        SummarySettings.of(PeriodUnit.WEEKS).withCalibrationEnd(Cdnow.CALIBRATION_END))
                .summarize(Cdnow.transactions());
        GammaGamma fitted = new GammaGammaFitter().fit(customers).model();
        double[] expected = {24.65, 18.91, 35.17, 35.17, 35.17, 71.46, 18.91, 35.17, 27.28, 35.17};
        for (int i = 0; i < expected.length; i++) {
            CustomerSummary customer = customers.get(i);
            assertThat(fitted.expectedAverageSpend(customer.frequency(), customer.monetaryValue()))
                    .as("customer %s", customer.customerId())
                    .isCloseTo(expected[i], within(0.005));
        }
        assertThat(CDNOW_SPEND.parameters().populationMeanSpend()).isCloseTo(35.22, within(0.01));
    }

    @Test
    void gammaGammaLikelihoodIsADensityOfTheMeanSpend() {
        // Integrates to 1 over m for a fixed x (trapezoid on a log grid).
        for (int x : new int[] {1, 3, 10}) {
            double integral = 0;
            double previousM = 1e-4;
            double previousDensity = Math.exp(CDNOW_SPEND.logLikelihood(x, previousM));
            for (double logM = Math.log(1e-4); logM < Math.log(1e6); logM += 1e-3) {
                double m = Math.exp(logM);
                double density = Math.exp(CDNOW_SPEND.logLikelihood(x, m));
                integral += (m - previousM) * (density + previousDensity) / 2;
                previousM = m;
                previousDensity = density;
            }
            assertThat(integral).as("x = %d", x).isCloseTo(1, within(1e-4));
        }
    }
}
