package com.monstermart.cdp.analytics.clv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.monstermart.cdp.demoworld.DemoWorld;
import com.monstermart.cdp.demoworld.DemoWorldSettings;
import com.monstermart.cdp.demoworld.WorldParameters;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo world draws every person's purchases from BG/NBD (rates per day) and their spend from Gamma-Gamma with
 * known parameters ({@link WorldParameters#defaults()}: r = 0.6, α = 50 days, a = 0.8, b = 2.5; p = 6.25, q = 3.74,
 * γ = 40). Fitting its transaction truth with the command's own reader and summariser recovers them.
 *
 * <p>The population is the cohort acquired during the simulated year: existing customers' first purchase in the
 * period is not their first, which BG/NBD's T assumes (the demo world's own test selects the same cohort).
 */
class DemoWorldRecoveryTest {
    @TempDir
    static Path directory;

    static DemoWorldSettings settings;
    static List<CustomerSummary> acquired;
    static Map<String, String[]> truth;

    @BeforeAll
    static void generate() throws IOException {
        settings = DemoWorldSettings.builder()
                .customers(4000)
                .days(365)
                .seed(7)
                .liveWindow(Duration.ZERO)
                .outputDirectory(directory.resolve("out"))
                .dropDirectory(directory.resolve("drop"))
                .build();
        DemoWorld.generate(settings);
        truth = new HashMap<>();
        try (BufferedReader reader =
                Files.newBufferedReader(settings.truthDirectory().resolve("clv.csv"))) {
            // person_id,existing_customer,arrived_at,lambda_per_day,dropout_probability,gamma_gamma_nu,
            // first_purchase_at,repeat_purchases,last_purchase_at,t_x_days,t_days,alive_at_end
            reader.readLine();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split(",", -1);
                truth.put(fields[0], fields);
            }
        }
        List<Transaction> transactions = new TransactionFileReader(
                        TransactionFileFormat.csv().withColumns("person_id", "occurred_at", "amount"))
                .read(settings.truthDirectory().resolve("transactions.csv")).transactions().stream()
                        .filter(transaction -> truth.get(transaction.customerId())[1].equals("false"))
                        .toList();
        LocalDate end = settings.end().atZone(ZoneOffset.UTC).toLocalDate();
        acquired = new TransactionSummarizer(SummarySettings.of(PeriodUnit.DAYS).withCalibrationEnd(end))
                .summarize(transactions);
    }

    @Test
    void summariesAgreeWithTheTruthsCounts() {
        assertThat(acquired).hasSizeGreaterThan(1200);
        // The truth's times are continuous and its online purchases are timed at the session's start, the transaction
        // log's at the order (minutes later, sometimes past midnight); summaries count whole days.
        long sameFrequency = 0;
        for (CustomerSummary customer : acquired) {
            String[] row = truth.get(customer.customerId());
            int repeats = Integer.parseInt(row[7]);
            // Two purchases on one day are one transaction in a daily summary, so x can only be lower.
            assertThat(customer.frequency()).isLessThanOrEqualTo(repeats);
            if (customer.frequency() == repeats) {
                sameFrequency++;
                assertThat(customer.recency()).isCloseTo(Double.parseDouble(row[9]), within(2.0));
            }
            assertThat(customer.age()).isCloseTo(Double.parseDouble(row[10]), within(1.5));
        }
        assertThat(sameFrequency).isGreaterThan(acquired.size() * 97L / 100);
    }

    @Test
    void bgNbdRecoversTheWorldsParameters() {
        BgNbdFit fit = new BgNbdFitter().fit(acquired);
        WorldParameters.BgNbd world = settings.parameters().bgNbd();
        assertThat(fit.convergence().converged()).isTrue();
        ParameterRecoveryTest.assertWithinSampling(
                fit.estimates(), new double[] {world.r(), world.alpha(), world.a(), world.b()});
    }

    @Test
    void gammaGammaMatchesTheSpendTheWorldRealises() {
        // The world draws a spend from Gamma-Gamma and then fills a basket of real products toward it (at most five
        // lines, stopping at 80 % of the budget), so the recorded amounts are the drawn spends distorted: lower on
        // average and noisier per transaction. The fit must describe the recorded amounts — its population mean is
        // the repeat customers' mean spend within its sampling error — and sit in the band the demo world's own
        // DistributionTest allows for realised spend around the generating mean (35 %).
        GammaGammaFit fit = new GammaGammaFitter().fit(acquired);
        assertThat(fit.convergence().converged()).isTrue();
        double fittedMean = fit.parameters().populationMeanSpend();
        double[] spends = acquired.stream()
                .filter(GammaGammaLikelihood::usable)
                .mapToDouble(CustomerSummary::monetaryValue)
                .toArray();
        double observed = java.util.Arrays.stream(spends).average().orElseThrow();
        double spread = Math.sqrt(java.util.Arrays.stream(spends)
                        .map(m -> (m - observed) * (m - observed))
                        .sum()
                / (spends.length - 1));
        assertThat(fittedMean).isCloseTo(observed, within(4 * spread / Math.sqrt(spends.length)));
        double generating = settings.parameters().gammaGamma().meanSpend();
        assertThat(fittedMean).isCloseTo(generating, within(0.35 * generating));
    }
}
