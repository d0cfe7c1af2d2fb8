package com.monstermart.cdp.identity.core.golden;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/** One observed value of a trait: from which source, at which event time. */
public record TraitObservation(String trait, String value, String source, Instant observedAt) {
    public TraitObservation {
        requireNonNull(trait, "trait is null");
        requireNonNull(value, "value is null");
        requireNonNull(source, "source is null");
        requireNonNull(observedAt, "observedAt is null");
    }
}
