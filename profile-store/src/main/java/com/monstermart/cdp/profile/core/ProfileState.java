package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The golden record of one profile as the store keeps it between batches (in the hot store) and derives the
 * {@code profiles}, {@code profile_history} and {@code identities} rows from.
 *
 * <p>Mutable: the batch processor folds events and changes into it. Every fold is order-independent where the
 * input can arrive in different orders (traits: newest wins; counters: sums; first/last seen: min/max), so a
 * replay after a crash reaches the same state.
 */
public final class ProfileState {
    private final String profileId;
    private ProfileStatus status = ProfileStatus.ACTIVE;
    private String mergedInto;
    private Instant firstSeenAt;
    private Instant lastSeenAt;
    private long eventCount;
    private long orderCount;
    private BigDecimal lifetimeRevenue = BigDecimal.ZERO;
    private Instant lastOrderAt;
    private final SortedMap<String, TraitValue> traits = new TreeMap<>();
    private final SortedMap<IdentifierKey, IdentifierSeen> identifiers = new TreeMap<>();
    private int version;
    private Instant versionValidFrom;
    private String versionChange;

    public ProfileState(String profileId) {
        this.profileId = requireNonNull(profileId, "profileId is null");
    }

    public String profileId() {
        return profileId;
    }

    public ProfileStatus status() {
        return status;
    }

    public Optional<String> mergedInto() {
        return Optional.ofNullable(mergedInto);
    }

    public Optional<Instant> firstSeenAt() {
        return Optional.ofNullable(firstSeenAt);
    }

    public Optional<Instant> lastSeenAt() {
        return Optional.ofNullable(lastSeenAt);
    }

    public long eventCount() {
        return eventCount;
    }

    public long orderCount() {
        return orderCount;
    }

    public BigDecimal lifetimeRevenue() {
        return lifetimeRevenue;
    }

    public Optional<Instant> lastOrderAt() {
        return Optional.ofNullable(lastOrderAt);
    }

    /** Traits by key, with when they were set; unset traits are kept (value null) so late events cannot revive them. */
    public SortedMap<String, TraitValue> traits() {
        return Collections.unmodifiableSortedMap(traits);
    }

    /** The current trait values (unset traits left out), in key order. */
    public Map<String, Object> traitValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        traits.forEach((key, trait) -> {
            if (trait.value() != null) {
                values.put(key, trait.value());
            }
        });
        return values;
    }

    public SortedMap<IdentifierKey, IdentifierSeen> identifiers() {
        return Collections.unmodifiableSortedMap(identifiers);
    }

    /** The current {@code profile_history} version; 0 before the first. */
    public int version() {
        return version;
    }

    public Optional<Instant> versionValidFrom() {
        return Optional.ofNullable(versionValidFrom);
    }

    public Optional<String> versionChange() {
        return Optional.ofNullable(versionChange);
    }

    /** The current version as a history row; empty before the first version. */
    public Optional<HistoryVersion> currentVersion() {
        if (version == 0) {
            return Optional.empty();
        }
        return Optional.of(
                new HistoryVersion(version, versionValidFrom, versionChange, status, mergedInto(), traitValues()));
    }

    // ---------------------------------------------------------------------------------------------- folding

    /** Counts an event and widens first/last seen. */
    public void recordSeen(Instant at) {
        eventCount++;
        widenSeen(at, at);
    }

    private void widenSeen(Instant first, Instant last) {
        if (first != null && (firstSeenAt == null || first.isBefore(firstSeenAt))) {
            firstSeenAt = first;
        }
        if (last != null && (lastSeenAt == null || last.isAfter(lastSeenAt))) {
            lastSeenAt = last;
        }
    }

    /** Counts a completed order. */
    public void recordOrder(Instant at, BigDecimal revenue) {
        orderCount++;
        lifetimeRevenue = lifetimeRevenue.add(revenue == null ? BigDecimal.ZERO : revenue);
        if (lastOrderAt == null || at.isAfter(lastOrderAt)) {
            lastOrderAt = at;
        }
    }

    /**
     * Sets a trait if the candidate is newer than what the profile has.
     *
     * @return whether the visible value changed
     */
    public boolean offerTrait(String key, TraitValue candidate, TraitComparator comparator) {
        requireNonNull(key, "key is null");
        requireNonNull(candidate, "candidate is null");
        TraitValue current = traits.get(key);
        if (current == null) {
            traits.put(key, candidate);
            return candidate.value() != null;
        }
        if (!current.isReplacedBy(candidate)) {
            return false;
        }
        traits.put(key, candidate);
        return !comparator.same(profileId, key, current.value(), candidate.value());
    }

    /** Records a sighting of an identifier; returns whether it is new to the profile. */
    public boolean recordIdentifier(IdentifierKey key, IdentifierSeen seen) {
        IdentifierSeen current = identifiers.get(key);
        identifiers.put(key, current == null ? seen : current.combine(seen));
        return current == null;
    }

    public Optional<IdentifierSeen> removeIdentifier(IdentifierKey key) {
        return Optional.ofNullable(identifiers.remove(key));
    }

    /** Takes in a merged profile's counters, traits (newest wins) and identifiers; returns whether traits changed. */
    public boolean absorb(ProfileState merged, TraitComparator comparator) {
        eventCount += merged.eventCount;
        orderCount += merged.orderCount;
        lifetimeRevenue = lifetimeRevenue.add(merged.lifetimeRevenue);
        widenSeen(merged.firstSeenAt, merged.lastSeenAt);
        if (merged.lastOrderAt != null && (lastOrderAt == null || merged.lastOrderAt.isAfter(lastOrderAt))) {
            lastOrderAt = merged.lastOrderAt;
        }
        boolean changed = false;
        for (Map.Entry<String, TraitValue> trait : merged.traits.entrySet()) {
            changed |= offerTrait(trait.getKey(), trait.getValue(), comparator);
        }
        merged.identifiers.forEach((key, seen) -> recordIdentifier(key, seen));
        return changed;
    }

    /** Marks this profile merged into {@code survivorId}; its identifiers now belong to the survivor. */
    public void markMerged(String survivorId) {
        status = ProfileStatus.MERGED;
        mergedInto = requireNonNull(survivorId, "survivorId is null");
        identifiers.clear();
    }

    /** Makes a merged profile active again (an unmerge split it back out). */
    public void reactivate() {
        status = ProfileStatus.ACTIVE;
        mergedInto = null;
    }

    /** Points a profile merged earlier at the new survivor (merge chains stay one hop long). */
    public void redirectMerge(String survivorId) {
        mergedInto = requireNonNull(survivorId, "survivorId is null");
    }

    /** Forgets everything about the data subject but the id and counters' absence. */
    public void erase() {
        status = ProfileStatus.ERASED;
        mergedInto = null;
        traits.clear();
        identifiers.clear();
        eventCount = 0;
        orderCount = 0;
        lifetimeRevenue = BigDecimal.ZERO;
        lastOrderAt = null;
        firstSeenAt = null;
        lastSeenAt = null;
    }

    /** Starts a new history version. */
    public HistoryVersion startVersion(Instant at, String change) {
        requireNonNull(at, "at is null");
        Instant validFrom = versionValidFrom != null && at.isBefore(versionValidFrom) ? versionValidFrom : at;
        version++;
        versionValidFrom = validFrom;
        versionChange = requireNonNull(change, "change is null");
        return currentVersion().orElseThrow();
    }

    // ------------------------------------------------------------------------------------------ restoring

    /**
     * An independent copy: folding into it leaves this state as it is (trait values, identifiers and their sightings
     * are immutable and shared).
     */
    public ProfileState copy() {
        return restore(
                profileId,
                status,
                mergedInto,
                firstSeenAt,
                lastSeenAt,
                eventCount,
                orderCount,
                lifetimeRevenue,
                lastOrderAt,
                traits,
                identifiers,
                version,
                versionValidFrom,
                versionChange);
    }

    /** Restores a state saved by the hot store; see {@code ProfileStateJson}. */
    public static ProfileState restore(
            String profileId,
            ProfileStatus status,
            String mergedInto,
            Instant firstSeenAt,
            Instant lastSeenAt,
            long eventCount,
            long orderCount,
            BigDecimal lifetimeRevenue,
            Instant lastOrderAt,
            Map<String, TraitValue> traits,
            Map<IdentifierKey, IdentifierSeen> identifiers,
            int version,
            Instant versionValidFrom,
            String versionChange) {
        ProfileState state = new ProfileState(profileId);
        state.status = requireNonNull(status, "status is null");
        state.mergedInto = mergedInto;
        state.firstSeenAt = firstSeenAt;
        state.lastSeenAt = lastSeenAt;
        state.eventCount = eventCount;
        state.orderCount = orderCount;
        state.lifetimeRevenue = requireNonNull(lifetimeRevenue, "lifetimeRevenue is null");
        state.lastOrderAt = lastOrderAt;
        state.traits.putAll(traits);
        state.identifiers.putAll(identifiers);
        state.version = version;
        state.versionValidFrom = versionValidFrom;
        state.versionChange = versionChange;
        return state;
    }
}
