package com.monstermart.cdp.identity.core.review;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.matching.ScoredPair;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A probable match waiting for a person: two profiles (each named with one of its identifiers, so the link can be
 * made even if a profile id was merged meanwhile), the match probability and the per-field evidence.
 */
public record ReviewItem(
        UUID id,
        UUID leftProfile,
        Identifier leftIdentifier,
        UUID rightProfile,
        Identifier rightIdentifier,
        double probability,
        List<ScoredPair.Evidence> evidence,
        Status status,
        Instant createdAt,
        Optional<String> decidedBy,
        Optional<Instant> decidedAt) {
    public ReviewItem {
        requireNonNull(id, "id is null");
        requireNonNull(leftProfile, "leftProfile is null");
        requireNonNull(leftIdentifier, "leftIdentifier is null");
        requireNonNull(rightProfile, "rightProfile is null");
        requireNonNull(rightIdentifier, "rightIdentifier is null");
        evidence = List.copyOf(evidence);
        requireNonNull(status, "status is null");
        requireNonNull(createdAt, "createdAt is null");
        requireNonNull(decidedBy, "decidedBy is null");
        requireNonNull(decidedAt, "decidedAt is null");
    }

    public enum Status {
        OPEN,
        ACCEPTED,
        REJECTED
    }

    public ReviewItem decided(Status newStatus, String actor, Instant at) {
        return new ReviewItem(
                id,
                leftProfile,
                leftIdentifier,
                rightProfile,
                rightIdentifier,
                probability,
                evidence,
                newStatus,
                createdAt,
                Optional.of(actor),
                Optional.of(at));
    }
}
