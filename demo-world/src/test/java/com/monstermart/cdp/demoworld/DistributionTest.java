package com.monstermart.cdp.demoworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.special.Gamma;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated data follows the parameters it was drawn from. */
class DistributionTest {
    @TempDir
    static Path directory;

    static DemoWorldSettings settings;
    static List<Map<String, String>> sessions;

    @BeforeAll
    static void generate() {
        settings = DemoWorldSettings.builder()
                .customers(6000)
                .days(120)
                .seed(2024)
                .liveWindow(Duration.ZERO)
                .outputDirectory(directory.resolve("out"))
                .dropDirectory(directory.resolve("drop"))
                .build();
        DemoWorld.generate(settings);
        sessions = TruthFiles.read(settings.truthDirectory().resolve("sessions.csv"));
    }

    @Test
    void sessionRatesMatchTheTargets() {
        WorldParameters.SessionRates targets = settings.parameters().sessions();
        long total = sessions.size();
        long bounced = count("bounce");
        long abandoned = count("cart_abandoned");
        long purchased = count("purchase");
        assertThat(total).isGreaterThan(30_000);
        assertThat(bounced / (double) total).isCloseTo(targets.bounceRate(), within(0.02));
        assertThat((abandoned + purchased) / (double) (total - bounced))
                .isCloseTo(targets.addToCartRate(), within(0.02));
        assertThat(abandoned / (double) (abandoned + purchased))
                .isCloseTo(targets.cartAbandonmentRate(), within(0.025));
        assertThat(purchased / (double) total).isCloseTo(targets.conversionRate(), within(0.01));
    }

    @Test
    void outcomesFollowTheRecordedPropensity() {
        double expected = 0;
        List<double[]> scored = new ArrayList<>();
        for (Map<String, String> session : sessions) {
            double propensity = Double.parseDouble(session.get("propensity"));
            double outcome = session.get("outcome").equals("purchase") ? 1 : 0;
            expected += propensity;
            scored.add(new double[] {propensity, outcome});
        }
        double observed = scored.stream().mapToDouble(s -> s[1]).sum();
        assertThat(observed / expected).isCloseTo(1.0, within(0.06));

        // Calibration by decile of propensity: observed conversion tracks the mean propensity.
        scored.sort(Comparator.comparingDouble(s -> s[0]));
        int size = scored.size() / 10;
        for (int decile = 0; decile < 10; decile++) {
            List<double[]> bin = scored.subList(decile * size, (decile + 1) * size);
            double meanPropensity =
                    bin.stream().mapToDouble(s -> s[0]).average().orElseThrow();
            double rate = bin.stream().mapToDouble(s -> s[1]).average().orElseThrow();
            assertThat(rate).as("decile %d", decile).isCloseTo(meanPropensity, within(0.015 + 0.2 * meanPropensity));
        }
        // The best possible AUC is well above chance (and what a model's AUC is compared with).
        assertThat(auc(scored)).isBetween(0.65, 0.95);
    }

    private static double auc(List<double[]> sortedByScore) {
        double positives = 0;
        double rankSum = 0;
        for (int i = 0; i < sortedByScore.size(); i++) {
            if (sortedByScore.get(i)[1] == 1) {
                positives++;
                rankSum += i + 1;
            }
        }
        double negatives = sortedByScore.size() - positives;
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives);
    }

    @Test
    void sessionsExpireAfterThirtyMinutesOfInactivity() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, List<Instant>> bySession = new HashMap<>();
        Map<String, String> sessionDevice = new HashMap<>();
        try (Stream<Path> files = Files.list(settings.segmentDirectory())) {
            for (Path file : files.sorted().toList()) {
                try (BufferedReader reader = Files.newBufferedReader(file)) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        JsonNode event = mapper.readTree(line);
                        String session = event.path("context").path("sessionId").asText();
                        bySession
                                .computeIfAbsent(session, key -> new ArrayList<>())
                                .add(Instant.parse(event.get("timestamp").asText()));
                        sessionDevice.put(session, event.get("anonymousId").asText());
                    }
                }
            }
        }
        Map<String, List<Instant[]>> byDevice = new HashMap<>();
        for (Map.Entry<String, List<Instant>> entry : bySession.entrySet()) {
            List<Instant> times = entry.getValue();
            for (int i = 1; i < times.size(); i++) {
                assertThat(Duration.between(times.get(i - 1), times.get(i))).isLessThan(Duration.ofMinutes(30));
            }
            byDevice.computeIfAbsent(sessionDevice.get(entry.getKey()), key -> new ArrayList<>())
                    .add(new Instant[] {times.get(0), times.get(times.size() - 1)});
        }
        long deviceGaps = 0;
        for (List<Instant[]> spans : byDevice.values()) {
            spans.sort(Comparator.comparing(span -> span[0]));
            for (int i = 1; i < spans.size(); i++) {
                // Different sessions of one person's device are at least 30 minutes apart (shared family devices
                // may overlap between persons, who are separate visitors).
                if (!spans.get(i)[0].isAfter(spans.get(i - 1)[1].plus(Duration.ofMinutes(30)))) {
                    deviceGaps++;
                }
            }
        }
        assertThat(deviceGaps).isLessThan(bySession.size() / 200 + 1);
    }

    @Test
    void purchaseFrequencyRecoversTheBgNbdParameters() {
        List<double[]> customers = new ArrayList<>();
        for (Map<String, String> row : TruthFiles.read(settings.truthDirectory().resolve("clv.csv"))) {
            // The cohort acquired during the period (existing customers' first purchase here is not their first).
            if (row.get("existing_customer").equals("false")
                    && !row.get("first_purchase_at").isEmpty()
                    && Double.parseDouble(row.get("t_days")) > 0) {
                customers.add(new double[] {
                    Double.parseDouble(row.get("repeat_purchases")),
                    Double.parseDouble(row.get("t_x_days")),
                    Double.parseDouble(row.get("t_days"))
                });
            }
        }
        assertThat(customers).hasSizeGreaterThan(800);
        MultivariateFunction logLikelihood = point -> {
            double r = Math.exp(point[0]);
            double alpha = Math.exp(point[1]);
            double a = Math.exp(point[2]);
            double b = Math.exp(point[3]);
            double sum = 0;
            for (double[] c : customers) {
                sum += bgNbdLogLikelihood(r, alpha, a, b, c[0], c[1], c[2]);
            }
            return sum;
        };
        double[] fitted = new SimplexOptimizer(1e-10, 1e-10)
                .optimize(
                        new MaxEval(20_000),
                        new ObjectiveFunction(logLikelihood),
                        GoalType.MAXIMIZE,
                        new InitialGuess(new double[] {0, Math.log(10), 0, 0}),
                        new NelderMeadSimplex(4))
                .getPoint();
        WorldParameters.BgNbd truth = settings.parameters().bgNbd();
        double r = Math.exp(fitted[0]);
        double alpha = Math.exp(fitted[1]);
        double a = Math.exp(fitted[2]);
        double b = Math.exp(fitted[3]);
        // Mean purchase rate and mean dropout probability are recovered; the shapes roughly.
        assertThat(r / alpha).isCloseTo(truth.r() / truth.alpha(), within(0.25 * truth.r() / truth.alpha()));
        assertThat(a / (a + b)).isCloseTo(truth.a() / (truth.a() + truth.b()), within(0.12));
        assertThat(r).isBetween(truth.r() * 0.5, truth.r() * 2);
    }

    /** Fader, Hardie and Lee (2005), equation (6). */
    static double bgNbdLogLikelihood(double r, double alpha, double a, double b, double x, double tx, double t) {
        double a1 = Gamma.logGamma(r + x) - Gamma.logGamma(r) + r * Math.log(alpha);
        double a2 = Gamma.logGamma(a + b) + Gamma.logGamma(b + x) - Gamma.logGamma(b) - Gamma.logGamma(a + b + x);
        double a3 = -(r + x) * Math.log(alpha + t);
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double max = Math.max(a3, a4);
        return a1 + a2 + max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
    }

    @Test
    void spendPerTransactionFollowsTheGammaGammaMean() {
        List<Map<String, String>> transactions =
                TruthFiles.read(settings.truthDirectory().resolve("transactions.csv"));
        double mean = transactions.stream()
                .mapToDouble(row -> Double.parseDouble(row.get("amount")))
                .average()
                .orElseThrow();
        double expected = settings.parameters().gammaGamma().meanSpend();
        // Baskets are made of real products, so the realised value only approximates the drawn spend.
        assertThat(mean).isCloseTo(expected, within(0.35 * expected));
    }

    @Test
    void categoryMixFollowsTheSeasonality() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Map<String, long[]> halloweenByMonth = new HashMap<>();
        try (Stream<Path> files = Files.list(settings.segmentDirectory())) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (!line.contains("\"Order Completed\"")) {
                        continue;
                    }
                    JsonNode event = mapper.readTree(line);
                    String month = event.get("timestamp").asText().substring(0, 7);
                    long[] counts = halloweenByMonth.computeIfAbsent(month, key -> new long[2]);
                    for (JsonNode product : event.get("properties").get("products")) {
                        String category = product.get("category").asText();
                        counts[0] +=
                                category.equals("home.decor.halloween") || category.equals("apparel.costume") ? 1 : 0;
                        counts[1]++;
                    }
                }
            }
        }
        double august =
                halloweenByMonth.get("2026-08")[0] / (double) halloweenByMonth.get("2026-08")[1];
        double october =
                halloweenByMonth.get("2026-10")[0] / (double) halloweenByMonth.get("2026-10")[1];
        double expected = expectedHalloweenShare(10) / expectedHalloweenShare(8);
        assertThat(expected).isGreaterThan(1.15);
        assertThat(october / august).isBetween(expected * 0.8, expected * 1.25);
    }

    /** The share of Halloween categories in the demand of a month of 2026 by the seasonality formula. */
    private static double expectedHalloweenShare(int month) {
        com.monstermart.cdp.demoworld.core.Catalogue catalogue = com.monstermart.cdp.demoworld.core.Catalogue.generate(
                settings.seed(),
                settings.customers(),
                settings.start().toEpochMilli(),
                settings.end().toEpochMilli());
        double sum = 0;
        int days = java.time.YearMonth.of(2026, month).lengthOfMonth();
        for (int day = 1; day <= days; day++) {
            long noon = java.time.LocalDate.of(2026, month, day).toEpochDay() * 86_400_000L + 43_200_000L;
            double halloween = 0;
            double total = 0;
            for (com.monstermart.cdp.demoworld.core.Catalogue.Category category : catalogue.categories()) {
                double demand = category.share()
                        * com.monstermart.cdp.demoworld.core.Catalogue.demandMultiplier(
                                category, noon, settings.start().toEpochMilli());
                total += demand;
                if (category.code().equals("home.decor.halloween")
                        || category.code().equals("apparel.costume")) {
                    halloween += demand;
                }
            }
            sum += halloween / total;
        }
        return sum / days;
    }

    private static long count(String outcome) {
        return sessions.stream().filter(s -> s.get("outcome").equals(outcome)).count();
    }
}
