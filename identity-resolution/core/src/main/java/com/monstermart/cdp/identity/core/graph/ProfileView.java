package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A profile as stored: its identifiers and the ids merged into it (which keep resolving to it).
 *
 * @param requestedId the id that was looked up: {@code profileId} itself or one of {@code mergedIds}
 */
public record ProfileView(
        UUID profileId, UUID requestedId, Instant createdAt, List<Member> identifiers, List<UUID> mergedIds) {
    public ProfileView {
        requireNonNull(profileId, "profileId is null");
        requireNonNull(requestedId, "requestedId is null");
        requireNonNull(createdAt, "createdAt is null");
        identifiers = List.copyOf(identifiers);
        mergedIds = List.copyOf(mergedIds);
    }
}
