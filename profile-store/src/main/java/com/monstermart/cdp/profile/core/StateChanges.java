package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one batch changes in the hot store, committed in one transaction with the batch's offsets.
 *
 * @param profiles profiles to save (whole state)
 * @param identities identifier owners to save (new identifiers and moved ones)
 * @param removedIdentities identifiers that no longer belong to any profile (erasure)
 * @param products products whose current version changed
 * @param orders orders that changed
 * @param recentEvents events to keep for the API
 * @param erasedProfiles profiles whose recent events must go
 * @param offsets per partition, the last offset the batch covers
 */
public record StateChanges(
        List<ProfileState> profiles,
        List<IdentityOwner> identities,
        Set<IdentifierKey> removedIdentities,
        List<ProductState> products,
        List<OrderState> orders,
        List<RecentEvent> recentEvents,
        Set<String> erasedProfiles,
        Map<StreamPartition, Long> offsets) {
    public StateChanges {
        profiles = List.copyOf(requireNonNull(profiles, "profiles is null"));
        identities = List.copyOf(requireNonNull(identities, "identities is null"));
        removedIdentities = Set.copyOf(requireNonNull(removedIdentities, "removedIdentities is null"));
        products = List.copyOf(requireNonNull(products, "products is null"));
        orders = List.copyOf(requireNonNull(orders, "orders is null"));
        recentEvents = List.copyOf(requireNonNull(recentEvents, "recentEvents is null"));
        erasedProfiles = Set.copyOf(requireNonNull(erasedProfiles, "erasedProfiles is null"));
        offsets = Map.copyOf(requireNonNull(offsets, "offsets is null"));
    }
}
