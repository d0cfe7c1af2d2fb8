package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/**
 * The profiles an unmerge left: {@code profileId} keeps its id (the part with its oldest identifier), and each
 * other connected component of the remaining journal links became a new profile.
 */
public record UnmergeResult(UUID profileId, List<ProfileView> profiles, List<IdentityChange> changes) {
    public UnmergeResult {
        requireNonNull(profileId, "profileId is null");
        profiles = List.copyOf(profiles);
        changes = List.copyOf(changes);
    }
}
