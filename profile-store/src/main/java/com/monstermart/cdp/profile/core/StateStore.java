package com.monstermart.cdp.profile.core;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The hot store as the batch processor sees it: the current state of profiles, products and orders, maintained
 * from the same stream as the Iceberg tables, plus how far it has read.
 */
public interface StateStore {
    /** Per partition, the last offset whose changes are committed. */
    Map<StreamPartition, Long> committedOffsets();

    /** The saved states of these profiles (absent ids are unknown profiles). */
    Map<String, ProfileState> loadProfiles(Collection<String> profileIds);

    /** Profiles merged into any of these ids. */
    List<ProfileState> loadProfilesMergedInto(Collection<String> survivorIds);

    /** The owners of these identifiers (absent: no owner). */
    Map<IdentifierKey, String> loadIdentifierOwners(Collection<IdentifierKey> identifiers);

    Map<String, ProductState> loadProducts(Collection<String> productIds);

    Map<String, OrderState> loadOrders(Collection<String> orderIds);

    /** Saves a batch's changes and its offsets atomically. */
    void commit(StateChanges changes);
}
