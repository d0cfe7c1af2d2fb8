package com.monstermart.cdp.identity.core.golden;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A profile's best value per trait, with per-trait bookkeeping: the candidates seen (value, source, last event
 * time, count) so that survivorship can be recomputed after a merge or a rule change, and the time the chosen
 * value was last observed.
 */
public record GoldenRecord(Map<String, Trait> traits) {
    public GoldenRecord {
        traits = Map.copyOf(traits);
    }

    public static GoldenRecord empty() {
        return new GoldenRecord(Map.of());
    }

    /**
     * One trait: the chosen value and every candidate.
     *
     * @param updatedAt event time of the last observation of the chosen value
     */
    public record Trait(String name, String value, String source, Instant updatedAt, List<Candidate> candidates) {
        public Trait {
            requireNonNull(name, "name is null");
            requireNonNull(value, "value is null");
            requireNonNull(source, "source is null");
            requireNonNull(updatedAt, "updatedAt is null");
            candidates = List.copyOf(candidates);
        }
    }

    /** A value seen for a trait: from its best-ranked source, last seen at, how often. */
    public record Candidate(String value, String source, Instant lastSeen, long count) {
        public Candidate {
            requireNonNull(value, "value is null");
            requireNonNull(source, "source is null");
            requireNonNull(lastSeen, "lastSeen is null");
        }
    }

    public Optional<String> value(String trait) {
        return Optional.ofNullable(traits.get(trait)).map(Trait::value);
    }

    /** The chosen values, by trait name. */
    public Map<String, String> values() {
        Map<String, String> out = new TreeMap<>();
        traits.forEach((name, trait) -> out.put(name, trait.value()));
        return out;
    }
}
