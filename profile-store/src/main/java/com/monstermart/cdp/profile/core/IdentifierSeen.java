package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * When and where a profile's identifier was seen.
 *
 * @param sourceId the source it was first seen in
 */
public record IdentifierSeen(String sourceId, Instant firstSeenAt, Instant lastSeenAt) {
    public IdentifierSeen {
        requireNonNull(sourceId, "sourceId is null");
        requireNonNull(firstSeenAt, "firstSeenAt is null");
        requireNonNull(lastSeenAt, "lastSeenAt is null");
    }

    /** Both sightings combined: the earliest first sighting (and its source), the latest last sighting. */
    public IdentifierSeen combine(IdentifierSeen other) {
        boolean otherFirst = other.firstSeenAt.isBefore(firstSeenAt);
        return new IdentifierSeen(
                otherFirst ? other.sourceId : sourceId,
                otherFirst ? other.firstSeenAt : firstSeenAt,
                other.lastSeenAt.isAfter(lastSeenAt) ? other.lastSeenAt : lastSeenAt);
    }
}
