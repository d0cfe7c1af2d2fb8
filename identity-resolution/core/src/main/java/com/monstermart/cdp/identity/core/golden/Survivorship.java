package com.monstermart.cdp.identity.core.golden;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Golden-record survivorship: applies observations and merges profiles' records, per trait under its
 * {@link TraitRule}. Order-independent: applying the same observations in any order (late, out of order) gives the
 * same record, because choices depend on event times and counts, never on arrival order.
 */
public final class Survivorship {
    /** Candidates kept per trait; beyond it the least recently seen is dropped. */
    public static final int MAX_CANDIDATES = 16;

    private final Map<String, TraitRule> rules;
    private final TraitRule fallback;

    public Survivorship(List<TraitRule> rules, SurvivorshipPolicy fallbackPolicy) {
        this.rules = new HashMap<>();
        requireNonNull(rules, "rules is null").forEach(rule -> this.rules.put(rule.trait(), rule));
        this.fallback = new TraitRule("*", requireNonNull(fallbackPolicy, "fallbackPolicy is null"), List.of());
    }

    /** Most recent everywhere, except names and date of birth, which trust the shop, then POS, then files. */
    public static Survivorship defaults() {
        List<String> trusted = List.of("shop", "pos", "files", "web");
        return new Survivorship(
                List.of(
                        new TraitRule("given_name", SurvivorshipPolicy.SOURCE_PRIORITY, trusted),
                        new TraitRule("family_name", SurvivorshipPolicy.SOURCE_PRIORITY, trusted),
                        new TraitRule("date_of_birth", SurvivorshipPolicy.MOST_FREQUENT, List.of())),
                SurvivorshipPolicy.MOST_RECENT);
    }

    public TraitRule rule(String trait) {
        TraitRule rule = rules.get(trait);
        return rule == null ? new TraitRule(trait, fallback.policy(), fallback.sourcePriority()) : rule;
    }

    public GoldenRecord apply(GoldenRecord record, TraitObservation observation) {
        Map<String, GoldenRecord.Trait> traits = new HashMap<>(record.traits());
        GoldenRecord.Trait current = traits.get(observation.trait());
        List<GoldenRecord.Candidate> candidates =
                current == null ? new ArrayList<>() : new ArrayList<>(current.candidates());
        add(
                candidates,
                new GoldenRecord.Candidate(observation.value(), observation.source(), observation.observedAt(), 1),
                rule(observation.trait()));
        traits.put(observation.trait(), choose(observation.trait(), candidates));
        return new GoldenRecord(traits);
    }

    public GoldenRecord applyAll(GoldenRecord record, List<TraitObservation> observations) {
        GoldenRecord out = record;
        for (TraitObservation observation : observations) {
            out = apply(out, observation);
        }
        return out;
    }

    /** The record of two merged profiles: candidates are pooled, then each trait is chosen again. */
    public GoldenRecord merge(GoldenRecord first, GoldenRecord second) {
        Map<String, List<GoldenRecord.Candidate>> pooled = new LinkedHashMap<>();
        for (GoldenRecord record : List.of(first, second)) {
            record.traits().forEach((name, trait) -> {
                List<GoldenRecord.Candidate> candidates = pooled.computeIfAbsent(name, ignored -> new ArrayList<>());
                trait.candidates().forEach(candidate -> add(candidates, candidate, rule(name)));
            });
        }
        Map<String, GoldenRecord.Trait> traits = new HashMap<>();
        pooled.forEach((name, candidates) -> traits.put(name, choose(name, candidates)));
        return new GoldenRecord(traits);
    }

    private static void add(List<GoldenRecord.Candidate> candidates, GoldenRecord.Candidate incoming, TraitRule rule) {
        for (int i = 0; i < candidates.size(); i++) {
            GoldenRecord.Candidate known = candidates.get(i);
            if (known.value().equals(incoming.value())) {
                Instant lastSeen =
                        known.lastSeen().isAfter(incoming.lastSeen()) ? known.lastSeen() : incoming.lastSeen();
                String source = rule.rank(incoming.source()) < rule.rank(known.source())
                                || (rule.rank(incoming.source()) == rule.rank(known.source())
                                        && incoming.source().compareTo(known.source()) < 0)
                        ? incoming.source()
                        : known.source();
                candidates.set(
                        i,
                        new GoldenRecord.Candidate(known.value(), source, lastSeen, known.count() + incoming.count()));
                return;
            }
        }
        candidates.add(incoming);
        if (candidates.size() > MAX_CANDIDATES) {
            candidates.sort(Comparator.comparing(GoldenRecord.Candidate::lastSeen));
            candidates.remove(0);
        }
    }

    private GoldenRecord.Trait choose(String name, List<GoldenRecord.Candidate> candidates) {
        TraitRule rule = rule(name);
        Comparator<GoldenRecord.Candidate> recent = Comparator.comparing(GoldenRecord.Candidate::lastSeen)
                .thenComparing(GoldenRecord.Candidate::value, Comparator.reverseOrder());
        Comparator<GoldenRecord.Candidate> best =
                switch (rule.policy()) {
                    case MOST_RECENT -> recent;
                    case MOST_FREQUENT ->
                        Comparator.comparingLong(GoldenRecord.Candidate::count).thenComparing(recent);
                    case SOURCE_PRIORITY ->
                        Comparator.comparingInt((GoldenRecord.Candidate candidate) -> -rule.rank(candidate.source()))
                                .thenComparing(recent);
                };
        GoldenRecord.Candidate winner = candidates.stream().max(best).orElseThrow();
        List<GoldenRecord.Candidate> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing(GoldenRecord.Candidate::value));
        return new GoldenRecord.Trait(name, winner.value(), winner.source(), winner.lastSeen(), sorted);
    }
}
