package com.monstermart.cdp.profile.testing;

import com.monstermart.cdp.profile.core.IdentifierKey;
import com.monstermart.cdp.profile.core.IdentityOwner;
import com.monstermart.cdp.profile.core.OrderState;
import com.monstermart.cdp.profile.core.ProductState;
import com.monstermart.cdp.profile.core.ProfileState;
import com.monstermart.cdp.profile.core.RecentEvent;
import com.monstermart.cdp.profile.core.StateChanges;
import com.monstermart.cdp.profile.core.StateStore;
import com.monstermart.cdp.profile.core.StreamPartition;
import com.monstermart.cdp.profile.persistence.StateJson;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A hand-written hot store for tests: keeps states as the JSON the PostgreSQL store saves, so every load returns a
 * fresh copy (as the real store does).
 */
public final class InMemoryStateStore implements StateStore {
    private final Map<String, String> profiles = new HashMap<>();
    private final Map<IdentifierKey, String> owners = new HashMap<>();
    private final Map<String, String> products = new HashMap<>();
    private final Map<String, String> orders = new HashMap<>();
    private final List<RecentEvent> recentEvents = new ArrayList<>();
    private final Map<StreamPartition, Long> offsets = new HashMap<>();
    private int commits;

    @Override
    public synchronized Map<StreamPartition, Long> committedOffsets() {
        return Map.copyOf(offsets);
    }

    @Override
    public synchronized Map<String, ProfileState> loadProfiles(Collection<String> profileIds) {
        Map<String, ProfileState> loaded = new HashMap<>();
        for (String id : profileIds) {
            String json = profiles.get(id);
            if (json != null) {
                loaded.put(id, StateJson.readProfile(json));
            }
        }
        return loaded;
    }

    @Override
    public synchronized List<ProfileState> loadProfilesMergedInto(Collection<String> survivorIds) {
        List<ProfileState> merged = new ArrayList<>();
        for (String json : profiles.values()) {
            ProfileState state = StateJson.readProfile(json);
            if (state.mergedInto().filter(survivorIds::contains).isPresent()) {
                merged.add(state);
            }
        }
        return merged;
    }

    @Override
    public synchronized Map<IdentifierKey, String> loadIdentifierOwners(Collection<IdentifierKey> identifiers) {
        Map<IdentifierKey, String> found = new HashMap<>();
        for (IdentifierKey key : identifiers) {
            String owner = owners.get(key);
            if (owner != null) {
                found.put(key, owner);
            }
        }
        return found;
    }

    @Override
    public synchronized Map<String, ProductState> loadProducts(Collection<String> productIds) {
        Map<String, ProductState> loaded = new HashMap<>();
        for (String id : productIds) {
            String json = products.get(id);
            if (json != null) {
                loaded.put(id, StateJson.readProduct(json));
            }
        }
        return loaded;
    }

    @Override
    public synchronized Map<String, OrderState> loadOrders(Collection<String> orderIds) {
        Map<String, OrderState> loaded = new HashMap<>();
        for (String id : orderIds) {
            String json = orders.get(id);
            if (json != null) {
                loaded.put(id, StateJson.readOrder(json));
            }
        }
        return loaded;
    }

    @Override
    public synchronized void commit(StateChanges changes) {
        for (ProfileState state : changes.profiles()) {
            profiles.put(state.profileId(), StateJson.write(state));
        }
        for (IdentityOwner owner : changes.identities()) {
            owners.put(owner.identifier(), owner.profileId());
        }
        changes.removedIdentities().forEach(owners::remove);
        for (ProductState product : changes.products()) {
            products.put(product.productId(), StateJson.write(product));
        }
        for (OrderState order : changes.orders()) {
            orders.put(order.orderId(), StateJson.write(order));
        }
        recentEvents.addAll(changes.recentEvents());
        recentEvents.removeIf(event -> changes.erasedProfiles().contains(event.profileId()));
        offsets.putAll(changes.offsets());
        commits++;
    }

    public synchronized ProfileState profile(String profileId) {
        return StateJson.readProfile(profiles.get(profileId));
    }

    public synchronized Map<IdentifierKey, String> owners() {
        return Map.copyOf(owners);
    }

    public synchronized List<RecentEvent> recentEvents() {
        return List.copyOf(recentEvents);
    }

    public synchronized int commits() {
        return commits;
    }
}
