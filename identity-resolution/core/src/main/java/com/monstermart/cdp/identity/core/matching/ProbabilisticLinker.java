package com.monstermart.cdp.identity.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Batch matching over a table: blocking → comparison → EM-estimated Fellegi–Sunter model → decisions. No labels
 * are used anywhere.
 */
public final class ProbabilisticLinker {
    private final MatchSettings settings;

    public ProbabilisticLinker(MatchSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
    }

    /**
     * The outcome of a batch run.
     *
     * @param matches pairs to merge (after the assignment rule)
     * @param reviews pairs for a person to decide
     */
    public record Result(MatchModel model, int candidatePairs, List<ScoredPair> matches, List<ScoredPair> reviews) {
        public Result {
            matches = List.copyOf(matches);
            reviews = List.copyOf(reviews);
        }
    }

    /** Estimates the model on the table itself, then scores its candidate pairs. */
    public Result link(List<MatchRecord> records) {
        long[] pairs = CandidatePairs.generate(records, settings.blocking(), settings.scope(), settings.maxBlockSize());
        ComparisonVectors vectors = ComparisonVectors.compute(records, settings.comparisons(), pairs);
        MatchModel model = ExpectationMaximization.estimate(
                records, settings.comparisons(), vectors, settings.scope(), settings.estimation());
        return score(records, pairs, vectors, model);
    }

    /** Scores a table's candidate pairs with a model estimated before. */
    public Result link(List<MatchRecord> records, MatchModel model) {
        long[] pairs = CandidatePairs.generate(records, settings.blocking(), settings.scope(), settings.maxBlockSize());
        return score(records, pairs, ComparisonVectors.compute(records, model.comparisons(), pairs), model);
    }

    private Result score(List<MatchRecord> records, long[] pairs, ComparisonVectors vectors, MatchModel model) {
        List<Scored> above = new ArrayList<>();
        for (int p = 0; p < pairs.length; p++) {
            long pair = pairs[p];
            MatchRecord a = records.get(CandidatePairs.first(pair));
            MatchRecord b = records.get(CandidatePairs.second(pair));
            int[] levels = vectors.levels(p);
            double weight = model.weight(levels);
            double probability = MatchModel.probabilityOf(weight);
            if (probability >= settings.thresholds().review()) {
                above.add(new Scored(a, b, levels, weight, probability));
            }
        }
        above.sort(Comparator.comparingDouble(Scored::weight)
                .reversed()
                .thenComparing(scored -> scored.a().id())
                .thenComparing(scored -> scored.b().id()));
        List<ScoredPair> matches = new ArrayList<>();
        List<ScoredPair> reviews = new ArrayList<>();
        Set<String> taken = new HashSet<>();
        for (Scored scored : above) {
            if (settings.assignment() == MatchSettings.Assignment.ONE_TO_ONE) {
                String left = scored.a().id() + "\u0001" + scored.b().source();
                String right = scored.b().id() + "\u0001" + scored.a().source();
                if (taken.contains(left) || taken.contains(right)) {
                    continue;
                }
                if (settings.decide(scored.probability(), scored.levels()) == MatchDecision.MATCH) {
                    taken.add(left);
                    taken.add(right);
                }
            }
            ScoredPair pair = new ScoredPair(
                    scored.a().id(),
                    scored.b().id(),
                    scored.probability(),
                    scored.weight(),
                    model.explain(scored.levels()));
            MatchDecision decision = settings.decide(scored.probability(), scored.levels());
            if (decision != MatchDecision.NON_MATCH) {
                (decision == MatchDecision.MATCH ? matches : reviews).add(pair);
            }
        }
        return new Result(model, pairs.length, matches, reviews);
    }

    private record Scored(MatchRecord a, MatchRecord b, int[] levels, double weight, double probability) {}
}
