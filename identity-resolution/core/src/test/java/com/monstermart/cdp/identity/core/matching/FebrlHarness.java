package com.monstermart.cdp.identity.core.matching;

import java.io.PrintStream;
import java.util.List;

/**
 * Benchmark harness (not a test): runs FEBRL 4 linkage several times and prints precision, recall, F1 and the time
 * of each phase. Run: {@code java -cp <test classpath> com.monstermart.cdp.identity.core.matching.FebrlHarness [runs]}.
 */
public final class FebrlHarness {
    private FebrlHarness() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        MatchSettings settings = Febrl.settings();
        for (int run = 1; run <= runs; run++) {
            long start = System.nanoTime();
            List<MatchRecord> records = Febrl.load();
            long loaded = System.nanoTime();
            long[] pairs =
                    CandidatePairs.generate(records, settings.blocking(), settings.scope(), settings.maxBlockSize());
            long blocked = System.nanoTime();
            MatchModel model = ExpectationMaximization.estimate(
                    records, settings.comparisons(), pairs, settings.scope(), settings.estimation());
            long estimated = System.nanoTime();
            ProbabilisticLinker.Result result = new ProbabilisticLinker(settings).link(records, model);
            long scored = System.nanoTime();
            Febrl.Quality quality = Febrl.quality(result.matches(), 5_000);
            out.printf(
                    "run %d: %s | pairs=%d | load %.0f ms, blocking %.0f ms, EM %.0f ms, scoring+assignment %.0f ms,"
                            + " total %.0f ms%n",
                    run,
                    quality,
                    pairs.length,
                    (loaded - start) / 1e6,
                    (blocked - loaded) / 1e6,
                    (estimated - blocked) / 1e6,
                    (scored - estimated) / 1e6,
                    (scored - start) / 1e6);
        }
        List<MatchRecord> records = Febrl.load();
        MatchModel model = new ProbabilisticLinker(settings).link(records).model();
        for (MatchSettings.Assignment assignment : MatchSettings.Assignment.values()) {
            for (double threshold : new double[] {0.5, 0.9, 0.99}) {
                MatchSettings variant =
                        settings.withAssignment(assignment).withThresholds(new MatchThresholds(threshold, threshold));
                ProbabilisticLinker.Result result = new ProbabilisticLinker(variant).link(records, model);
                out.printf(
                        "assignment %s, threshold %.2f: %s%n",
                        assignment, threshold, Febrl.quality(result.matches(), 5_000));
            }
        }
    }
}
