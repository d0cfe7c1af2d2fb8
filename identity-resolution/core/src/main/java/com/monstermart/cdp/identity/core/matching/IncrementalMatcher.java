package com.monstermart.cdp.identity.core.matching;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Streaming matching: keeps the blocking index of known records (e.g. one per profile) and matches a new record
 * against them with an estimated model. Thread-safe (synchronized).
 */
public final class IncrementalMatcher {
    private final MatchSettings settings;
    private final Map<String, MatchRecord> records = new HashMap<>();
    private final List<Map<String, Set<String>>> blocks = new ArrayList<>();
    private volatile MatchModel model;

    public IncrementalMatcher(MatchSettings settings, MatchModel model) {
        this.settings = requireNonNull(settings, "settings is null");
        this.model = requireNonNull(model, "model is null");
        for (int i = 0; i < settings.blocking().size(); i++) {
            blocks.add(new HashMap<>());
        }
    }

    /** A candidate for a new record, with its decision. */
    public record Candidate(MatchRecord record, ScoredPair score, MatchDecision decision) {}

    public MatchModel model() {
        return model;
    }

    /** Replaces the model (after re-estimating it in a batch run). */
    public void model(MatchModel newModel) {
        this.model = requireNonNull(newModel, "newModel is null");
    }

    public synchronized int size() {
        return records.size();
    }

    public synchronized Optional<MatchRecord> record(String id) {
        return Optional.ofNullable(records.get(id));
    }

    /** Every indexed record (to re-estimate the model from). */
    public synchronized List<MatchRecord> records() {
        return List.copyOf(records.values());
    }

    /** Adds or replaces a record in the index. */
    public synchronized void add(MatchRecord record) {
        remove(record.id());
        records.put(record.id(), record);
        for (int i = 0; i < settings.blocking().size(); i++) {
            String key = settings.blocking().get(i).keyOf(record);
            if (key != null) {
                blocks.get(i)
                        .computeIfAbsent(key, ignored -> new LinkedHashSet<>())
                        .add(record.id());
            }
        }
    }

    public synchronized void remove(String id) {
        MatchRecord old = records.remove(id);
        if (old == null) {
            return;
        }
        for (int i = 0; i < settings.blocking().size(); i++) {
            String key = settings.blocking().get(i).keyOf(old);
            if (key != null) {
                Set<String> block = blocks.get(i).get(key);
                if (block != null) {
                    block.remove(id);
                    if (block.isEmpty()) {
                        blocks.get(i).remove(key);
                    }
                }
            }
        }
    }

    /**
     * Scores a record against the indexed records that share a blocking key (not itself), best first, with their
     * decisions; non-matches are left out.
     */
    public synchronized List<Candidate> match(MatchRecord record) {
        Set<String> candidates = new LinkedHashSet<>();
        for (int i = 0; i < settings.blocking().size(); i++) {
            String key = settings.blocking().get(i).keyOf(record);
            Set<String> block = key == null ? null : blocks.get(i).get(key);
            if (block == null || block.size() > settings.maxBlockSize()) {
                continue;
            }
            candidates.addAll(block);
        }
        candidates.remove(record.id());
        MatchModel current = model;
        List<Candidate> out = new ArrayList<>();
        for (String id : candidates) {
            MatchRecord other = records.get(id);
            if (settings.scope() == CandidatePairs.Scope.ACROSS_SOURCES
                    && other.source().equals(record.source())) {
                continue;
            }
            int[] levels = current.levels(record, other);
            double weight = current.weight(levels);
            ScoredPair score = new ScoredPair(
                    record.id(), other.id(), MatchModel.probabilityOf(weight), weight, current.explain(levels));
            MatchDecision decision = settings.decide(score.probability(), levels);
            if (decision != MatchDecision.NON_MATCH) {
                out.add(new Candidate(other, score, decision));
            }
        }
        out.sort(Comparator.comparingDouble(
                        (Candidate candidate) -> candidate.score().weight())
                .reversed());
        return out;
    }
}
