package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The result of resolving one observation: its profile, what changed, and which links rules refused. */
public record Resolution(
        String messageId,
        Optional<UUID> profileId,
        ResolutionOutcome outcome,
        List<IdentityChange> changes,
        List<RejectedLink> rejections) {
    public Resolution {
        requireNonNull(messageId, "messageId is null");
        requireNonNull(profileId, "profileId is null");
        requireNonNull(outcome, "outcome is null");
        changes = List.copyOf(changes);
        rejections = List.copyOf(rejections);
    }

    public static Resolution duplicate(String messageId, Optional<UUID> profileId) {
        return new Resolution(messageId, profileId, ResolutionOutcome.DUPLICATE, List.of(), List.of());
    }
}
