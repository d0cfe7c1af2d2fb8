package com.monstermart.cdp.identity.core.golden;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The survivorship rule of one trait.
 *
 * @param sourcePriority most trusted first; sources not listed rank below all listed ones
 */
public record TraitRule(String trait, SurvivorshipPolicy policy, List<String> sourcePriority) {
    public TraitRule {
        requireNonNull(trait, "trait is null");
        requireNonNull(policy, "policy is null");
        sourcePriority = List.copyOf(sourcePriority);
    }

    /** Rank of a source: 0 is the most trusted. */
    public int rank(String source) {
        int index = sourcePriority.indexOf(source);
        return index < 0 ? sourcePriority.size() : index;
    }
}
