package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EcommerceEvents;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.profile.core.InputRecord.ChangeRecord;
import com.monstermart.cdp.profile.core.InputRecord.EventRecord;
import com.monstermart.cdp.profile.core.InputRecord.Unreadable;
import com.monstermart.cdp.profile.core.ProfileChange.ProfileCreated;
import com.monstermart.cdp.profile.core.ProfileChange.ProfileErased;
import com.monstermart.cdp.profile.core.ProfileChange.ProfileSplit;
import com.monstermart.cdp.profile.core.ProfileChange.ProfilesMerged;
import com.monstermart.cdp.profile.core.ProfileChange.SplitPart;
import com.monstermart.cdp.profile.core.ProfileStoreTables.History;
import com.monstermart.cdp.profile.core.ProfileStoreTables.OrderItems;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Orders;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Products;
import com.monstermart.cdp.profile.core.ProfileStoreTables.Profiles;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a batch of input records into table rows (through a {@link RowSink}) and hot-store changes.
 *
 * <p>Use per batch: {@link #begin}, {@link #accept} for each polled chunk, {@link #finish}. Events go to
 * {@code events} as they come; profiles, history, identities, orders and products are written once per batch from
 * their final state. A record the hot store already has is skipped; a record a table already has (after a crash
 * between table commits) changes state but writes no row to that table — see {@link Watermarks}.
 *
 * <p>Not thread-safe: one instance per consumer thread.
 */
public final class BatchProcessor {
    private static final int MAX_MERGE_HOPS = 16;
    private static final String NO_OWNER = "";

    private final StateStore store;
    private final RowSink sink;
    private final EventRows eventRows;
    private final MessageIdIndex messageIds;
    private final TraitComparator comparator;
    private final Clock clock;

    private Watermarks watermarks = Watermarks.none();
    private Instant now;
    private final Map<String, ProfileEntry> profiles = new HashMap<>();
    private final Map<String, ProductEntry> products = new HashMap<>();
    private final Map<String, OrderEntry> orders = new HashMap<>();
    private final Map<IdentifierKey, IdentityEntry> identities = new LinkedHashMap<>();
    private final Map<IdentifierKey, String> loadedOwners = new HashMap<>();
    private final Set<String> missingProducts = new HashSet<>();
    private final Set<String> missingOrders = new HashSet<>();
    private final Set<String> mergedIntoLoaded = new HashSet<>();
    private final List<RecentEvent> recentEvents = new ArrayList<>();
    private final Set<String> erased = new HashSet<>();
    private final Map<StreamPartition, Long> lastOffsets = new HashMap<>();
    private long events;
    private long changes;
    private long duplicates;
    private long replayed;
    private long unreadable;
    private long eventRowCount;

    /**
     * @param comparator decides whether a trait's new value differs from its current one (ciphertexts of equal
     *     values differ)
     */
    public BatchProcessor(
            StateStore store,
            RowSink sink,
            EventRows eventRows,
            MessageIdIndex messageIds,
            TraitComparator comparator,
            Clock clock) {
        this.store = requireNonNull(store, "store is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.eventRows = requireNonNull(eventRows, "eventRows is null");
        this.messageIds = requireNonNull(messageIds, "messageIds is null");
        this.comparator = requireNonNull(comparator, "comparator is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Starts a batch against the tables' and the hot store's watermarks. */
    public void begin(Watermarks batchWatermarks) {
        this.watermarks = requireNonNull(batchWatermarks, "batchWatermarks is null");
        this.now = clock.instant();
        profiles.clear();
        products.clear();
        orders.clear();
        identities.clear();
        loadedOwners.clear();
        missingProducts.clear();
        missingOrders.clear();
        mergedIntoLoaded.clear();
        recentEvents.clear();
        erased.clear();
        lastOffsets.clear();
        events = 0;
        changes = 0;
        duplicates = 0;
        replayed = 0;
        unreadable = 0;
        eventRowCount = 0;
    }

    /** Applies polled records in order; loads the state they need from the store in a few round trips. */
    public void accept(List<InputRecord> records) {
        List<InputRecord> fresh = new ArrayList<>(records.size());
        for (InputRecord record : records) {
            StreamPosition position = record.position();
            if (watermarks.appliedToHotStore(position)) {
                replayed++;
                continue;
            }
            lastOffsets.merge(position.streamPartition(), position.offset(), Math::max);
            switch (record) {
                case Unreadable ignored -> unreadable++;
                case EventRecord event -> {
                    MessageIdIndex.Sighting sighting =
                            messageIds.record(event.event().messageId(), position.partition(), position.offset());
                    if (sighting == MessageIdIndex.Sighting.DUPLICATE) {
                        duplicates++;
                    } else {
                        fresh.add(record);
                    }
                }
                case ChangeRecord change -> fresh.add(record);
            }
        }
        preload(fresh);
        for (InputRecord record : fresh) {
            switch (record) {
                case EventRecord event ->
                    applyEvent(
                            event.event(),
                            event.position(),
                            event.prepared().orElseGet(() -> eventRows.prepare(event.event(), event.position(), now)));
                case ChangeRecord change -> applyChange(change.change(), change.position());
                case Unreadable ignored -> throw new IllegalStateException("unreadable records are filtered above");
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ loading

    private void preload(List<InputRecord> records) {
        Set<String> profileIds = new LinkedHashSet<>();
        Set<String> mergedIds = new LinkedHashSet<>();
        Set<String> productIds = new LinkedHashSet<>();
        Set<String> orderIds = new LinkedHashSet<>();
        for (InputRecord record : records) {
            switch (record) {
                case EventRecord event -> {
                    profileIds.add(event.event().profileId());
                    collectCommerceIds(event.event().event(), productIds, orderIds);
                }
                case ChangeRecord change -> {
                    profileIds.add(change.change().profileId());
                    switch (change.change()) {
                        case ProfilesMerged merged -> {
                            profileIds.add(merged.mergedId());
                            mergedIds.add(merged.mergedId());
                        }
                        case ProfileSplit split -> split.parts().forEach(part -> profileIds.add(part.profileId()));
                        default -> {}
                    }
                }
                case Unreadable ignored -> {}
            }
        }
        loadProfiles(profileIds);
        mergedIds.removeAll(mergedIntoLoaded);
        if (!mergedIds.isEmpty()) {
            mergedIntoLoaded.addAll(mergedIds);
            for (ProfileState state : store.loadProfilesMergedInto(mergedIds)) {
                profiles.putIfAbsent(state.profileId(), ProfileEntry.loaded(state));
            }
        }
        loadIdentifierOwners(records);
        productIds.removeAll(products.keySet());
        productIds.removeAll(missingProducts);
        if (!productIds.isEmpty()) {
            Map<String, ProductState> loaded = store.loadProducts(productIds);
            loaded.forEach((id, state) -> products.put(id, new ProductEntry(state)));
            productIds.removeAll(loaded.keySet());
            missingProducts.addAll(productIds);
        }
        orderIds.removeAll(orders.keySet());
        orderIds.removeAll(missingOrders);
        if (!orderIds.isEmpty()) {
            Map<String, OrderState> loaded = store.loadOrders(orderIds);
            loaded.forEach((id, state) -> orders.put(id, new OrderEntry(state)));
            orderIds.removeAll(loaded.keySet());
            missingOrders.addAll(orderIds);
        }
    }

    /** Loads profiles not in the batch yet, then the survivors of merged ones. */
    private void loadProfiles(Collection<String> ids) {
        Set<String> wanted = new LinkedHashSet<>(ids);
        for (int hop = 0; hop < MAX_MERGE_HOPS && !wanted.isEmpty(); hop++) {
            wanted.removeAll(profiles.keySet());
            if (wanted.isEmpty()) {
                return;
            }
            Map<String, ProfileState> loaded = store.loadProfiles(wanted);
            Set<String> survivors = new LinkedHashSet<>();
            for (String id : wanted) {
                ProfileState state = loaded.get(id);
                profiles.put(id, state == null ? ProfileEntry.unknown(id) : ProfileEntry.loaded(state));
                if (state != null) {
                    state.mergedInto().ifPresent(survivors::add);
                }
            }
            wanted = survivors;
        }
    }

    private void loadIdentifierOwners(List<InputRecord> records) {
        Set<IdentifierKey> unknown = new LinkedHashSet<>();
        for (InputRecord record : records) {
            if (record instanceof EventRecord event) {
                ProfileState target = target(event.event().profileId()).state;
                for (IdentifierHint hint : event.event().event().identifiers()) {
                    if (!isKeyable(hint)) {
                        continue;
                    }
                    IdentifierKey key = IdentifierKey.of(hint);
                    if (!target.identifiers().containsKey(key)
                            && !identities.containsKey(key)
                            && !loadedOwners.containsKey(key)) {
                        unknown.add(key);
                    }
                }
            }
        }
        if (unknown.isEmpty()) {
            return;
        }
        Map<IdentifierKey, String> owners = store.loadIdentifierOwners(unknown);
        for (IdentifierKey key : unknown) {
            loadedOwners.put(key, owners.getOrDefault(key, NO_OWNER));
        }
        loadProfiles(owners.values());
    }

    /**
     * Whether an identifier can key the identities table: identity resolution encrypts personal values it could not
     * normalise (and so not blind-index); such a ciphertext differs on every event and identifies nothing.
     */
    private static boolean isKeyable(IdentifierHint hint) {
        return !Ciphertexts.looksLikeCiphertext(hint.value());
    }

    private static void collectCommerceIds(CanonicalEvent event, Set<String> productIds, Set<String> orderIds) {
        if (event.type() != EventType.TRACK) {
            return;
        }
        Map<String, Object> properties = event.properties();
        JsonLike.text(properties, "product_id").ifPresent(productIds::add);
        for (Map<String, Object> product : JsonLike.objects(properties, "products")) {
            JsonLike.text(product, "product_id").ifPresent(productIds::add);
        }
        if (event.event().flatMap(OrderState::statusOf).isPresent()) {
            JsonLike.text(properties, "order_id").ifPresent(orderIds::add);
        }
    }

    // ---------------------------------------------------------------------------------------------- applying

    private void applyEvent(ResolvedEvent resolved, StreamPosition position, InputRecord.PreparedEvent prepared) {
        events++;
        CanonicalEvent event = resolved.event();
        String propertiesJson = prepared.propertiesJson();
        if (watermarks.isNew(ProfileStoreTables.EVENTS, position)) {
            sink.append(prepared.row());
            eventRowCount++;
        }
        ProfileEntry target = target(resolved.profileId());
        if (target.state.status() == ProfileStatus.ERASED) {
            return;
        }
        Instant at = event.timestamp();
        boolean created = target.state.version() == 0;
        target.state.recordSeen(at);
        touch(target, position);
        recentEvents.add(new RecentEvent(
                resolved.profileId(),
                event.messageId(),
                at,
                event.type().wireName(),
                event.event().or(event::name),
                event.sourceId(),
                propertiesJson));
        boolean changed = false;
        // a group event's traits describe the group (its name, email, address), not the customer: they stay in the
        // event's row and never become profile traits
        Map<String, Object> traits = event.type() == EventType.GROUP ? Map.of() : event.traits();
        for (Map.Entry<String, Object> trait : traits.entrySet()) {
            changed |= target.state.offerTrait(
                    trait.getKey(), new TraitValue(trait.getValue(), at, event.messageId()), comparator);
        }
        if (created) {
            transition(target, at, "created", position);
        } else if (changed) {
            transition(target, at, "traits", position);
        }
        for (IdentifierHint hint : event.identifiers()) {
            if (isKeyable(hint)) {
                observeIdentifier(
                        target, IdentifierKey.of(hint), new IdentifierSeen(event.sourceId(), at, at), position);
            }
        }
        if (event.type() == EventType.TRACK) {
            applyCommerce(resolved, position);
        }
    }

    private void applyCommerce(ResolvedEvent resolved, StreamPosition position) {
        CanonicalEvent event = resolved.event();
        Map<String, Object> properties = event.properties();
        String name = event.event().orElse("");
        Instant at = event.timestamp();
        if (name.equals(EcommerceEvents.ORDER_COMPLETED)) {
            ProfileEntry target = target(resolved.profileId());
            target.state.recordOrder(at, EventRows.revenue(properties).orElse(BigDecimal.ZERO));
        }
        Optional<String> orderStatus = OrderState.statusOf(name);
        Optional<String> orderId = JsonLike.text(properties, "order_id");
        if (orderStatus.isPresent() && orderId.isPresent()) {
            OrderEntry entry = orders.get(orderId.get());
            OrderState next = entry == null
                    ? OrderState.first(
                            orderId.get(), resolved.profileId(), orderStatus.get(), at, event.sourceId(), properties)
                    : entry.current.apply(orderStatus.get(), at, properties);
            if (entry == null) {
                entry = new OrderEntry(null);
                orders.put(orderId.get(), entry);
            }
            boolean itemsChanged =
                    entry.current == null || !entry.current.items().equals(next.items());
            entry.current = next;
            entry.hotDirty = true;
            if (watermarks.isNew(ProfileStoreTables.ORDERS, position)) {
                entry.rowDirty = true;
            }
            if (itemsChanged && watermarks.isNew(ProfileStoreTables.ORDER_ITEMS, position)) {
                entry.itemsDirty = true;
            }
        }
        String currency = JsonLike.text(properties, "currency").orElse(null);
        JsonLike.text(properties, "product_id")
                .ifPresent(id -> observeProduct(id, ProductAttributes.from(properties, currency), at, position));
        for (Map<String, Object> product : JsonLike.objects(properties, "products")) {
            JsonLike.text(product, "product_id")
                    .ifPresent(id -> observeProduct(id, ProductAttributes.from(product, currency), at, position));
        }
    }

    private void observeProduct(String productId, ProductAttributes seen, Instant at, StreamPosition position) {
        ProductEntry entry = products.get(productId);
        ProductState next;
        if (entry == null) {
            next = ProductState.first(productId, seen, at);
            entry = new ProductEntry(null);
            products.put(productId, entry);
        } else {
            next = entry.current.observe(seen, at);
            if (next == entry.current) {
                return;
            }
        }
        entry.current = next;
        entry.transitions.add(new ProductTransition(next, watermarks.isNew(ProfileStoreTables.PRODUCTS, position)));
    }

    private void applyChange(ProfileChange change, StreamPosition position) {
        changes++;
        switch (change) {
            case ProfileCreated created -> {
                ProfileEntry entry = entry(created.profileId());
                ensureCreated(entry, created.at(), position, "created");
                touch(entry, position);
            }
            case ProfilesMerged merged -> merge(merged, position);
            case ProfileSplit split -> split(split, position);
            case ProfileErased erasure -> erase(erasure, position);
        }
    }

    private void merge(ProfilesMerged merged, StreamPosition position) {
        ProfileEntry survivor = target(merged.profileId());
        ProfileEntry absorbed = entry(merged.mergedId());
        if (absorbed == survivor
                || absorbed.state.status() == ProfileStatus.ERASED
                || survivor.state.status() == ProfileStatus.ERASED
                || absorbed.state
                        .mergedInto()
                        .filter(survivor.state.profileId()::equals)
                        .isPresent()) {
            return;
        }
        Instant at = merged.at();
        ensureCreated(survivor, at, position, "created");
        ensureCreated(absorbed, at, position, "created");
        survivor.state.absorb(absorbed.state, comparator);
        for (Map.Entry<IdentifierKey, IdentifierSeen> identifier :
                absorbed.state.identifiers().entrySet()) {
            assignIdentifier(identifier.getKey(), survivor.state.profileId(), identifier.getValue(), position);
        }
        absorbed.state.markMerged(survivor.state.profileId());
        transition(survivor, at, "absorbed", position);
        transition(absorbed, at, "merged", position);
        touch(survivor, position);
        touch(absorbed, position);
        for (ProfileEntry earlier : List.copyOf(profiles.values())) {
            if (earlier != absorbed
                    && earlier.state.status() == ProfileStatus.MERGED
                    && earlier.state
                            .mergedInto()
                            .filter(absorbed.state.profileId()::equals)
                            .isPresent()) {
                earlier.state.redirectMerge(survivor.state.profileId());
                transition(earlier, at, "merged", position);
                touch(earlier, position);
            }
        }
    }

    private void split(ProfileSplit split, StreamPosition position) {
        ProfileEntry origin = entry(split.profileId());
        if (origin.state.status() == ProfileStatus.ERASED) {
            return;
        }
        Instant at = split.at();
        ensureCreated(origin, at, position, "created");
        for (SplitPart part : split.parts()) {
            if (part.profileId().equals(split.profileId())) {
                continue;
            }
            ProfileEntry target = entry(part.profileId());
            if (target.state.status() == ProfileStatus.ERASED) {
                continue;
            }
            boolean reactivated = target.state.status() == ProfileStatus.MERGED;
            if (reactivated) {
                target.state.reactivate();
            }
            boolean created = target.state.version() == 0;
            ensureCreated(target, at, position, "split");
            for (IdentifierKey key : part.identifiers()) {
                Optional<IdentifierSeen> seen = origin.state.removeIdentifier(key);
                if (seen.isPresent()) {
                    target.state.recordIdentifier(key, seen.get());
                    assignIdentifier(key, target.state.profileId(), seen.get(), position);
                }
            }
            if (!created) {
                transition(target, at, "split", position);
            }
            touch(target, position);
        }
        transition(origin, at, "split", position);
        touch(origin, position);
    }

    private void erase(ProfileErased erasure, StreamPosition position) {
        ProfileEntry entry = entry(erasure.profileId());
        if (entry.state.status() == ProfileStatus.ERASED) {
            return;
        }
        for (IdentifierKey key : List.copyOf(entry.state.identifiers().keySet())) {
            IdentityEntry identity = identity(key, true);
            identity.profileId = null;
            identity.ownerChanged = true;
            identity.rowDirty |= watermarks.isNew(ProfileStoreTables.IDENTITIES, position);
        }
        ensureCreated(entry, erasure.at(), position, "created");
        entry.state.erase();
        erased.add(entry.state.profileId());
        transition(entry, erasure.at(), "erased", position);
        touch(entry, position);
    }

    private void observeIdentifier(
            ProfileEntry target, IdentifierKey key, IdentifierSeen seen, StreamPosition position) {
        String profileId = target.state.profileId();
        String owner = currentOwner(key, target);
        boolean moved = false;
        if (owner != null && !owner.equals(profileId)) {
            ProfileEntry previous = profiles.get(owner);
            if (previous != null && previous.state.removeIdentifier(key).isPresent()) {
                touch(previous, position);
            }
            moved = true;
        }
        IdentifierSeen before = target.state.identifiers().get(key);
        boolean added = target.state.recordIdentifier(key, seen);
        IdentifierSeen after = target.state.identifiers().get(key);
        IdentityEntry identity = identity(key, owner != null);
        identity.profileId = profileId;
        identity.seen = after;
        if (added || moved) {
            identity.ownerChanged = true;
        }
        boolean rowChanged = added
                || moved
                || before == null
                || !ProfileRows.hour(before.lastSeenAt()).equals(ProfileRows.hour(after.lastSeenAt()))
                || !before.firstSeenAt().equals(after.firstSeenAt());
        if (rowChanged && watermarks.isNew(ProfileStoreTables.IDENTITIES, position)) {
            identity.rowDirty = true;
        }
    }

    private IdentityEntry identity(IdentifierKey key, boolean owned) {
        IdentityEntry identity = identities.get(key);
        if (identity == null) {
            identity = new IdentityEntry();
            identity.existed = owned;
            identities.put(key, identity);
        }
        return identity;
    }

    private void assignIdentifier(IdentifierKey key, String profileId, IdentifierSeen seen, StreamPosition position) {
        IdentityEntry identity = identity(key, true);
        identity.profileId = profileId;
        identity.seen = seen;
        identity.ownerChanged = true;
        identity.rowDirty |= watermarks.isNew(ProfileStoreTables.IDENTITIES, position);
    }

    private String currentOwner(IdentifierKey key, ProfileEntry target) {
        IdentityEntry identity = identities.get(key);
        if (identity != null) {
            return identity.profileId;
        }
        if (target.state.identifiers().containsKey(key)) {
            return target.state.profileId();
        }
        String loaded = loadedOwners.get(key);
        return loaded == null || loaded.equals(NO_OWNER) ? null : loaded;
    }

    private void ensureCreated(ProfileEntry entry, Instant at, StreamPosition position, String change) {
        if (entry.state.version() == 0) {
            transition(entry, at, change, position);
        }
    }

    private void transition(ProfileEntry entry, Instant at, String change, StreamPosition position) {
        HistoryVersion version = entry.state.startVersion(at, change);
        entry.transitions.add(new Transition(version, watermarks.isNew(ProfileStoreTables.PROFILE_HISTORY, position)));
        touch(entry, position);
    }

    private void touch(ProfileEntry entry, StreamPosition position) {
        entry.hotDirty = true;
        if (watermarks.isNew(ProfileStoreTables.PROFILES, position)) {
            entry.rowDirty = true;
        }
    }

    /** The entry of a profile id as loaded (merged profiles included). */
    private ProfileEntry entry(String profileId) {
        ProfileEntry entry = profiles.get(profileId);
        if (entry == null) {
            loadProfiles(List.of(profileId));
            entry = profiles.get(profileId);
        }
        return entry;
    }

    /** The profile an id's data goes to: the id itself or, for a merged profile, its survivor. */
    private ProfileEntry target(String profileId) {
        ProfileEntry entry = entry(profileId);
        for (int hop = 0; hop < MAX_MERGE_HOPS && entry.state.status() == ProfileStatus.MERGED; hop++) {
            entry = entry(entry.state.mergedInto().orElseThrow());
        }
        return entry;
    }

    // --------------------------------------------------------------------------------------------- finishing

    /** Writes the batch's state-derived rows to the sink and returns the hot-store changes. */
    public BatchResult finish() {
        List<ProfileState> changedProfiles = new ArrayList<>();
        for (ProfileEntry entry : profiles.values()) {
            if (!entry.hotDirty) {
                continue;
            }
            changedProfiles.add(entry.state);
            String profileId = entry.state.profileId();
            if (entry.rowDirty) {
                if (entry.existed || watermarks.replaying(ProfileStoreTables.PROFILES)) {
                    sink.delete(ProfileStoreTables.PROFILES, Map.of(Profiles.PROFILE_ID, profileId));
                }
                sink.append(ProfileRows.profile(entry.state, now));
            }
            writeHistory(entry);
        }
        List<IdentityOwner> owners = new ArrayList<>();
        Set<IdentifierKey> removed = new HashSet<>();
        for (Map.Entry<IdentifierKey, IdentityEntry> identity : identities.entrySet()) {
            IdentityEntry entry = identity.getValue();
            if (entry.ownerChanged) {
                if (entry.profileId == null) {
                    removed.add(identity.getKey());
                } else {
                    owners.add(new IdentityOwner(identity.getKey(), entry.profileId, entry.seen));
                }
            }
            if (entry.rowDirty) {
                if (entry.existed || watermarks.replaying(ProfileStoreTables.IDENTITIES)) {
                    sink.delete(ProfileStoreTables.IDENTITIES, ProfileRows.identityKey(identity.getKey()));
                }
                if (entry.profileId != null) {
                    sink.append(ProfileRows.identity(identity.getKey(), entry.profileId, entry.seen));
                }
            }
        }
        List<ProductState> changedProducts = new ArrayList<>();
        for (ProductEntry entry : products.values()) {
            if (!entry.transitions.isEmpty()) {
                changedProducts.add(entry.current);
                writeProductHistory(entry);
            }
        }
        List<OrderState> changedOrders = new ArrayList<>();
        for (OrderEntry entry : orders.values()) {
            if (!entry.hotDirty) {
                continue;
            }
            changedOrders.add(entry.current);
            if (entry.rowDirty) {
                if (entry.existed || watermarks.replaying(ProfileStoreTables.ORDERS)) {
                    sink.delete(ProfileStoreTables.ORDERS, Map.of(Orders.ORDER_ID, entry.current.orderId()));
                }
                sink.append(CommerceRows.order(entry.current));
            }
            if (entry.itemsDirty) {
                if (entry.existed || watermarks.replaying(ProfileStoreTables.ORDER_ITEMS)) {
                    sink.delete(ProfileStoreTables.ORDER_ITEMS, Map.of(OrderItems.ORDER_ID, entry.current.orderId()));
                }
                CommerceRows.orderItems(entry.current).forEach(sink::append);
            }
        }
        Map<StreamPartition, Long> offsets = new HashMap<>(watermarks.hotStore());
        lastOffsets.forEach((partition, offset) -> offsets.merge(partition, offset, Math::max));
        StateChanges stateChanges = new StateChanges(
                changedProfiles, owners, removed, changedProducts, changedOrders, recentEvents, erased, offsets);
        return new BatchResult(
                stateChanges, new BatchCounters(events, changes, duplicates, replayed, unreadable, eventRowCount));
    }

    /** Per partition, the last offset this batch read (empty when it read nothing new). */
    public Map<StreamPartition, Long> lastOffsets() {
        return Map.copyOf(lastOffsets);
    }

    /**
     * Writes a profile's history changes as a unit: the table's current row is deleted and rewritten closed, versions
     * opened and closed within the batch are written closed, and the newest is written current. After a crash,
     * versions the table already holds are not written again.
     */
    private void writeHistory(ProfileEntry entry) {
        List<Transition> transitions = entry.transitions;
        if (transitions.stream().noneMatch(Transition::isNew)) {
            return;
        }
        String profileId = entry.state.profileId();
        if (entry.before != null || watermarks.replaying(ProfileStoreTables.PROFILE_HISTORY)) {
            sink.delete(
                    ProfileStoreTables.PROFILE_HISTORY,
                    Map.of(History.PROFILE_ID, profileId, History.IS_CURRENT, true));
        }
        for (int k = 0; k < transitions.size(); k++) {
            Transition closing = transitions.get(k);
            HistoryVersion closed =
                    k == 0 ? entry.before : transitions.get(k - 1).version();
            boolean write = k == 0 ? closing.isNew() : transitions.get(k - 1).isNew() || closing.isNew();
            if (closed != null && write) {
                sink.append(
                        ProfileRows.history(profileId, closed, closing.version().validFrom()));
            }
        }
        sink.append(ProfileRows.history(
                profileId, transitions.get(transitions.size() - 1).version(), null));
    }

    private void writeProductHistory(ProductEntry entry) {
        List<ProductTransition> transitions = entry.transitions;
        if (transitions.stream().noneMatch(ProductTransition::isNew)) {
            return;
        }
        String productId = entry.current.productId();
        if (entry.before != null || watermarks.replaying(ProfileStoreTables.PRODUCTS)) {
            sink.delete(ProfileStoreTables.PRODUCTS, Map.of(Products.PRODUCT_ID, productId, Products.IS_CURRENT, true));
        }
        for (int k = 0; k < transitions.size(); k++) {
            ProductTransition closing = transitions.get(k);
            ProductState closed = k == 0 ? entry.before : transitions.get(k - 1).state();
            boolean write = k == 0 ? closing.isNew() : transitions.get(k - 1).isNew() || closing.isNew();
            if (closed != null && write) {
                sink.append(CommerceRows.product(closed, closing.state().validFrom()));
            }
        }
        sink.append(CommerceRows.product(transitions.get(transitions.size() - 1).state(), null));
    }

    // ------------------------------------------------------------------------------------------- batch state

    private record Transition(HistoryVersion version, boolean isNew) {}

    private record ProductTransition(ProductState state, boolean isNew) {}

    private static final class ProfileEntry {
        final ProfileState state;
        final boolean existed;
        final HistoryVersion before;
        final List<Transition> transitions = new ArrayList<>();
        boolean hotDirty;
        boolean rowDirty;

        private ProfileEntry(ProfileState state, boolean existed) {
            this.state = state;
            this.existed = existed;
            this.before = state.currentVersion().orElse(null);
        }

        static ProfileEntry loaded(ProfileState state) {
            return new ProfileEntry(state, true);
        }

        static ProfileEntry unknown(String profileId) {
            return new ProfileEntry(new ProfileState(profileId), false);
        }
    }

    private static final class ProductEntry {
        final ProductState before;
        ProductState current;
        final List<ProductTransition> transitions = new ArrayList<>();

        ProductEntry(ProductState loaded) {
            this.before = loaded;
            this.current = loaded;
        }
    }

    private static final class OrderEntry {
        final boolean existed;
        OrderState current;
        boolean hotDirty;
        boolean rowDirty;
        boolean itemsDirty;

        OrderEntry(OrderState loaded) {
            this.current = loaded;
            this.existed = loaded != null;
        }
    }

    private static final class IdentityEntry {
        /** Whether the identifier had an owner before this batch (then its row exists and is replaced). */
        boolean existed;

        String profileId;
        IdentifierSeen seen;
        boolean ownerChanged;
        boolean rowDirty;
    }
}
