package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One version of a profile's tracked attributes (status, merged_into, traits), a row of {@code profile_history}.
 *
 * @param change why the version started: created, traits, merged, absorbed, split or erased
 * @param traits trait values (JSON-like; personal values ciphertext) in key order
 */
public record HistoryVersion(
        int version,
        Instant validFrom,
        String change,
        ProfileStatus status,
        Optional<String> mergedInto,
        Map<String, Object> traits) {
    public HistoryVersion {
        requireNonNull(validFrom, "validFrom is null");
        requireNonNull(change, "change is null");
        requireNonNull(status, "status is null");
        requireNonNull(mergedInto, "mergedInto is null");
        traits = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(traits, "traits is null")));
        if (version < 1) {
            throw new IllegalArgumentException("version must be at least 1: " + version);
        }
    }

    /** Whether the tracked attributes equal another version's. */
    public boolean sameAttributes(HistoryVersion other) {
        return status == other.status && mergedInto.equals(other.mergedInto) && traits.equals(other.traits);
    }
}
