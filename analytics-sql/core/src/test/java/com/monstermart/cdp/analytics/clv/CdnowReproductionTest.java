package com.monstermart.cdp.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fits reproduce the published CDNOW results to their printed precision: BG/NBD in Fader, Hardie and Lee (2005)
 * (r = 0.243, α = 4.414, a = 0.793, b = 2.426, LL = -9582.4 on 2,357 customers, in weeks) and Gamma-Gamma in Fader
 * and Hardie (2013) (p = 6.25, q = 3.74, γ = 15.44 on the 946 repeat customers; the note prints no log-likelihood,
 * CLVTools' correctness test has -4055.9177 for the same data).
 */
class CdnowReproductionTest {
    static List<CustomerSummary> fromTransactions;

    @BeforeAll
    static void summarise() {
        fromTransactions = new TransactionSummarizer(
                        SummarySettings.of(PeriodUnit.WEEKS).withCalibrationEnd(Cdnow.CALIBRATION_END))
                .summarize(Cdnow.transactions());
    }

    @Test
    void bgNbdOnThePublishedSummaryReproducesThePaper() {
        BgNbdFit fit = new BgNbdFitter().fit(Cdnow.summaries());
        assertThat(fit.customers()).isEqualTo(2357);
        assertThat(fit.convergence().converged()).isTrue();
        assertThat(fit.convergence().startsAtOptimum())
                .isEqualTo(fit.convergence().starts());
        assertPublishedBgNbd(fit);
    }

    @Test
    void bgNbdOnTheTransactionsReproducesThePaper() {
        BgNbdFit fit = new BgNbdFitter().fit(fromTransactions);
        assertThat(fit.customers()).isEqualTo(2357);
        assertThat(fit.convergence().converged()).isTrue();
        assertPublishedBgNbd(fit);
    }

    @Test
    void gammaGammaOnTheTransactionsReproducesTheNote() {
        GammaGammaFit fit = new GammaGammaFitter().fit(fromTransactions);
        assertThat(fit.customers()).isEqualTo(946);
        assertThat(fit.convergence().converged()).isTrue();
        assertPrinted(fit.parameters().p(), 6.25, 2);
        assertPrinted(fit.parameters().q(), 3.74, 2);
        assertPrinted(fit.parameters().v(), 15.44, 2);
        assertPrinted(fit.logLikelihood(), -4055.9177, 4);
    }

    @Test
    void gammaGammaOnTheCentRoundedSummaryMovesOnlyTheFlatScale() {
        // zbar in the summary file is rounded to cents; that moves γ (standard error 4.2) by less than 0.01.
        GammaGammaFit fit = new GammaGammaFitter().fit(Cdnow.summariesWithSpend());
        assertThat(fit.customers()).isEqualTo(946);
        assertPrinted(fit.parameters().p(), 6.25, 2);
        assertPrinted(fit.parameters().q(), 3.74, 2);
        assertThat(fit.parameters().v()).isCloseTo(15.44, within(0.01));
        assertThat(fit.estimates().get(2).standardError()).isCloseTo(4.16, within(0.01));
    }

    @Test
    void transactionsGiveThePublishedSummary() {
        List<CustomerSummary> published = Cdnow.summariesWithSpend();
        assertThat(fromTransactions).hasSize(published.size());
        double rounding = 0.005 + 1e-9;
        for (int i = 0; i < published.size(); i++) {
            CustomerSummary expected = published.get(i);
            CustomerSummary actual = fromTransactions.get(i);
            String id = expected.customerId();
            assertThat(Integer.parseInt(actual.customerId())).isEqualTo(Integer.parseInt(id));
            assertThat(actual.frequency()).as("x of %s", id).isEqualTo(expected.frequency());
            assertThat(actual.recency()).as("t_x of %s", id).isCloseTo(expected.recency(), within(rounding));
            assertThat(actual.age()).as("T of %s", id).isCloseTo(expected.age(), within(rounding));
            assertThat(actual.monetaryValue())
                    .as("zbar of %s", id)
                    .isCloseTo(expected.monetaryValue(), within(rounding));
        }
    }

    private static void assertPublishedBgNbd(BgNbdFit fit) {
        assertPrinted(fit.parameters().r(), 0.243, 3);
        assertPrinted(fit.parameters().alpha(), 4.414, 3);
        assertPrinted(fit.parameters().a(), 0.793, 3);
        assertPrinted(fit.parameters().b(), 2.426, 3);
        assertPrinted(fit.logLikelihood(), -9582.4, 1);
    }

    /** The value rounds to the printed one at the printed number of decimals. */
    static void assertPrinted(double value, double printed, int decimals) {
        double half = 0.5 * Math.pow(10, -decimals);
        assertThat(value).isCloseTo(printed, within(half));
    }
}
