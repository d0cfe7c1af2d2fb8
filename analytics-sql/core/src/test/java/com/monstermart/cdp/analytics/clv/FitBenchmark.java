package com.monstermart.cdp.analytics.clv;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * Fit times (not a test; results in docs/benchmarks.md and the module README). Run after {@code ./mvnw -pl
 * analytics-sql/core -am package -DskipTests}:
 *
 * <pre>
 * java -cp analytics-sql/core/target/classes:analytics-sql/core/target/test-classes:$(cat analytics-sql/core/target/analytics-core.classpath) \
 *     com.monstermart.cdp.analytics.clv.FitBenchmark
 * </pre>
 */
public final class FitBenchmark {
    private FitBenchmark() {}

    public static void main(String[] arguments) {
        List<CustomerSummary> cdnow = new TransactionSummarizer(
                        SummarySettings.of(PeriodUnit.WEEKS).withCalibrationEnd(Cdnow.CALIBRATION_END))
                .summarize(Cdnow.transactions());
        report("CDNOW 2,357 customers, BG/NBD", 5, 15, () -> new BgNbdFitter()
                .fit(cdnow)
                .convergence());
        report("CDNOW 946 repeat customers, Gamma-Gamma", 5, 15, () -> new GammaGammaFitter()
                .fit(cdnow)
                .convergence());

        BgNbdParameters purchases = new BgNbdParameters(0.6, 50, 0.8, 2.5);
        GammaGammaParameters spend = new GammaGammaParameters(6.25, 3.74, 40);
        for (int customers : new int[] {100_000, 1_000_000}) {
            List<CustomerSummary> continuous = new Simulator(customers).customers(customers, purchases, spend, 90, 730);
            List<CustomerSummary> daily = wholeDays(continuous);
            int repeat = (int) daily.stream().filter(c -> c.frequency() > 0).count();
            System.out.printf(
                    "%,d simulated customers (T 90-730 days): %,d distinct (x, t_x, T) in continuous time, %,d in whole"
                            + " days; %,d repeat customers%n",
                    customers, new BgNbdLikelihood(continuous).rows(), new BgNbdLikelihood(daily).rows(), repeat);
            int runs = customers > 100_000 ? 1 : 3;
            report("%,d customers in whole days, BG/NBD".formatted(customers), 1, runs, () -> new BgNbdFitter()
                    .fit(daily)
                    .convergence());
            report("%,d customers, Gamma-Gamma".formatted(customers), 1, runs, () -> new GammaGammaFitter()
                    .fit(daily)
                    .convergence());
            if (customers <= 100_000) {
                report("%,d customers in continuous time, BG/NBD".formatted(customers), 1, runs, () -> new BgNbdFitter()
                        .fit(continuous)
                        .convergence());
            }
        }
    }

    /** What a daily transaction log gives: t_x and T in whole days. */
    private static List<CustomerSummary> wholeDays(List<CustomerSummary> customers) {
        List<CustomerSummary> days = new ArrayList<>(customers.size());
        for (CustomerSummary customer : customers) {
            double age = Math.floor(customer.age());
            days.add(new CustomerSummary(
                    customer.customerId(),
                    customer.frequency(),
                    Math.min(age, Math.floor(customer.recency())),
                    age,
                    Math.round(customer.monetaryValue() * 100) / 100.0));
        }
        return days;
    }

    private static void report(String name, int warmups, int runs, Supplier<Convergence> fit) {
        for (int i = 0; i < warmups; i++) {
            fit.get();
        }
        double[] seconds = new double[runs];
        double[] cpuSeconds = new double[runs];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        Convergence convergence = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime();
            convergence = fit.get();
            cpuSeconds[i] = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(seconds);
        Arrays.sort(cpuSeconds);
        System.out.printf(
                "%-50s median %.3f s wall, %.3f s CPU (min %.3f s wall; %d runs after %d warm-up); %,d evaluations,"
                        + " converged %s%n",
                name,
                seconds[runs / 2],
                cpuSeconds[runs / 2],
                seconds[0],
                runs,
                warmups,
                convergence.evaluations(),
                convergence.converged());
    }
}
