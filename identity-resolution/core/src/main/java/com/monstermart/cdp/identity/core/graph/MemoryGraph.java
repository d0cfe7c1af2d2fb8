package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The identity graph's partition in memory: which profile each identifier belongs to, the ids merged into each
 * profile, the separations unmerges left, and the set of edges already in the journal.
 *
 * <p>It is an incremental union-find: identifiers point to a member container, containers point to their owning
 * profile, and a merge moves the smaller container into the larger one (so an identifier moves O(log n) times),
 * while the surviving <em>id</em> is always the older profile's. Merged ids are kept in a union-find with path
 * compression, so they keep resolving.
 *
 * <p>The whole graph lives here for {@code InMemoryIdentityStore}; the PostgreSQL store loads into one the part of
 * the graph a batch of events touches, runs the same resolver on it, and writes back what {@link #tracked()} says
 * changed. Not thread-safe.
 */
public final class MemoryGraph {
    private final Map<Identifier, Container> byIdentifier = new HashMap<>();
    private final Map<UUID, Profile> live = new LinkedHashMap<>();
    private final Map<UUID, UUID> mergedInto = new HashMap<>();
    private final Map<UUID, Set<UUID>> separations = new HashMap<>();
    private final Set<Link.EdgeKey> edges = new HashSet<>();
    private final Tracking tracking = new Tracking();
    private long nextSequence;

    public MemoryGraph() {
        this(1);
    }

    /** @param firstSequence the creation sequence of the first profile created here (later = younger) */
    public MemoryGraph(long firstSequence) {
        this.nextSequence = firstSequence;
    }

    /** A profile: its stable id, its age, its identifiers and the ids merged into it. */
    public static final class Profile {
        private final UUID id;
        private final long sequence;
        private final Instant createdAt;
        private Container container;
        private List<UUID> mergedIds = new ArrayList<>();

        private Profile(UUID id, long sequence, Instant createdAt) {
            this.id = id;
            this.sequence = sequence;
            this.createdAt = createdAt;
        }

        public UUID id() {
            return id;
        }

        /** Creation order: lower is older. */
        public long sequence() {
            return sequence;
        }

        public Instant createdAt() {
            return createdAt;
        }

        public int size() {
            return container.size;
        }

        public List<Member> members() {
            List<Member> out = new ArrayList<>(container.size);
            container.byGroup.values().forEach(out::addAll);
            return out;
        }

        /** How many identifiers of a limit group ({@link Identifier#group()}) the profile holds. */
        public int count(String group) {
            List<Member> list = container.byGroup.get(group);
            return list == null ? 0 : list.size();
        }

        /** How many identifiers of a limit group were attached at or after {@code since}. */
        public int countSince(String group, Instant since) {
            List<Member> list = container.byGroup.get(group);
            if (list == null) {
                return 0;
            }
            int count = 0;
            for (Member member : list) {
                if (!member.attachedAt().isBefore(since)) {
                    count++;
                }
            }
            return count;
        }

        /** Members of one limit group. */
        public List<Member> group(String group) {
            return List.copyOf(container.byGroup.getOrDefault(group, List.of()));
        }

        public Set<String> groups() {
            return Set.copyOf(container.byGroup.keySet());
        }

        public List<UUID> mergedIds() {
            return List.copyOf(mergedIds);
        }

        /** Whether this profile is older than another (deterministic: creation sequence, then id). */
        public boolean olderThan(Profile other) {
            return sequence != other.sequence ? sequence < other.sequence : id.compareTo(other.id) < 0;
        }

        @Override
        public String toString() {
            return "Profile[" + id + ", " + container.size + " identifiers]";
        }
    }

    private static final class Container {
        private Profile owner;
        private final Map<String, List<Member>> byGroup = new HashMap<>(4);
        private int size;

        private Container(Profile owner) {
            this.owner = owner;
        }

        private void add(Member member) {
            byGroup.computeIfAbsent(member.identifier().group(), ignored -> new ArrayList<>(2))
                    .add(member);
            size++;
        }
    }

    /** What changed since the last {@link #resetTracking()}: what a store must write back. */
    public static final class Tracking {
        private final Map<Identifier, Instant> attached = new LinkedHashMap<>();
        private final Map<UUID, Profile> created = new LinkedHashMap<>();
        private final Map<UUID, UUID> merged = new LinkedHashMap<>();
        private final List<Link> newEdges = new ArrayList<>();
        private final List<Separation> newSeparations = new ArrayList<>();

        /** Identifiers attached to a profile (new to the graph), with their attachment time, in order. */
        public Map<Identifier, Instant> attached() {
            return java.util.Collections.unmodifiableMap(attached);
        }

        /** Profiles created, in creation order (some may since have been merged into another). */
        public List<Profile> created() {
            return List.copyOf(created.values());
        }

        /** Merged profile id → the id it was merged into at that moment (follow with {@code resolve}). */
        public Map<UUID, UUID> merged() {
            return Map.copyOf(merged);
        }

        public List<Link> newEdges() {
            return List.copyOf(newEdges);
        }

        public List<Separation> newSeparations() {
            return List.copyOf(newSeparations);
        }
    }

    public Tracking tracked() {
        return tracking;
    }

    public void resetTracking() {
        tracking.attached.clear();
        tracking.created.clear();
        tracking.merged.clear();
        tracking.newEdges.clear();
        tracking.newSeparations.clear();
    }

    public Optional<Profile> profileOf(Identifier identifier) {
        Container container = byIdentifier.get(identifier);
        return container == null ? Optional.empty() : Optional.of(container.owner);
    }

    public boolean contains(Identifier identifier) {
        return byIdentifier.containsKey(identifier);
    }

    /** The live profile an id resolves to (itself, or the profile it was merged into). */
    public Optional<Profile> profile(UUID profileId) {
        return Optional.ofNullable(live.get(resolve(profileId)));
    }

    /** The id a (possibly merged) profile id resolves to now; unknown ids resolve to themselves. */
    public UUID resolve(UUID profileId) {
        UUID current = profileId;
        UUID next;
        while ((next = mergedInto.get(current)) != null) {
            current = next;
        }
        // path compression
        UUID walk = profileId;
        while (!walk.equals(current)) {
            UUID parent = mergedInto.get(walk);
            mergedInto.put(walk, current);
            walk = parent;
        }
        return current;
    }

    public Collection<Profile> profiles() {
        return List.copyOf(live.values());
    }

    public int profileCount() {
        return live.size();
    }

    public int identifierCount() {
        return byIdentifier.size();
    }

    /** Creates a profile holding one identifier; it is younger than every profile before it. */
    public Profile create(UUID profileId, Instant at, Identifier first) {
        Profile profile = newProfile(profileId, nextSequence++, at);
        tracking.created.put(profileId, profile);
        attach(profile, first, at);
        return profile;
    }

    /** Creates an empty profile (unmerge); the caller attaches identifiers right away. */
    Profile createEmpty(UUID profileId, Instant at) {
        Profile profile = newProfile(profileId, nextSequence++, at);
        tracking.created.put(profileId, profile);
        return profile;
    }

    /** Loads a stored profile (PostgreSQL store); {@code members} are loaded without being tracked as new. */
    public Profile load(UUID profileId, long sequence, Instant createdAt, List<UUID> mergedIds, List<Member> members) {
        requireNonNull(profileId, "profileId is null");
        Profile profile = newProfile(profileId, sequence, createdAt);
        for (UUID merged : mergedIds) {
            mergedInto.put(merged, profileId);
            profile.mergedIds.add(merged);
        }
        for (Member member : members) {
            profile.container.add(member);
            byIdentifier.put(member.identifier(), profile.container);
        }
        return profile;
    }

    private Profile newProfile(UUID profileId, long sequence, Instant at) {
        if (live.containsKey(profileId) || mergedInto.containsKey(profileId)) {
            throw new IllegalStateException("Profile id " + profileId + " exists already");
        }
        Profile profile = new Profile(profileId, sequence, at);
        profile.container = new Container(profile);
        live.put(profileId, profile);
        return profile;
    }

    public void attach(Profile profile, Identifier identifier, Instant at) {
        if (byIdentifier.containsKey(identifier)) {
            throw new IllegalStateException("Identifier is in a profile already: " + identifier);
        }
        profile.container.add(new Member(identifier, at));
        byIdentifier.put(identifier, profile.container);
        tracking.attached.put(identifier, at);
    }

    /** Merges two live profiles; the older survives and is returned, the younger's id resolves to it. */
    public Profile merge(Profile a, Profile b) {
        if (a == b) {
            return a;
        }
        Profile survivor = a.olderThan(b) ? a : b;
        Profile loser = survivor == a ? b : a;
        // Small-to-large: keep the bigger container and move the other's members into it.
        Container big = survivor.container.size >= loser.container.size ? survivor.container : loser.container;
        Container small = big == survivor.container ? loser.container : survivor.container;
        big.owner = survivor;
        survivor.container = big;
        for (List<Member> list : small.byGroup.values()) {
            for (Member member : list) {
                big.add(member);
                byIdentifier.put(member.identifier(), big);
            }
        }
        List<UUID> ids = survivor.mergedIds.size() >= loser.mergedIds.size() ? survivor.mergedIds : loser.mergedIds;
        List<UUID> other = ids == survivor.mergedIds ? loser.mergedIds : survivor.mergedIds;
        ids.addAll(other);
        ids.add(loser.id);
        survivor.mergedIds = ids;
        loser.mergedIds = new ArrayList<>();
        loser.container = null;
        live.remove(loser.id);
        mergedInto.put(loser.id, survivor.id);
        tracking.merged.put(loser.id, survivor.id);
        return survivor;
    }

    /** Makes a dead id resolve to a live profile (rule changes keep every id that ever existed resolvable). */
    public void alias(UUID deadId, UUID target) {
        UUID resolved = resolve(target);
        Profile profile = live.get(resolved);
        if (profile == null || live.containsKey(deadId) || deadId.equals(resolved)) {
            return;
        }
        mergedInto.put(deadId, resolved);
        profile.mergedIds.add(deadId);
    }

    /** Whether two live profiles were separated (split apart or rejected in review) and must stay apart. */
    public boolean separated(Profile a, Profile b) {
        Profile from = a.mergedIds.size() <= b.mergedIds.size() ? a : b;
        Profile to = from == a ? b : a;
        if (separatedFrom(from.id, to)) {
            return true;
        }
        for (UUID id : from.mergedIds) {
            if (separatedFrom(id, to)) {
                return true;
            }
        }
        return false;
    }

    private boolean separatedFrom(UUID id, Profile to) {
        Set<UUID> partners = separations.get(id);
        if (partners == null) {
            return false;
        }
        for (UUID partner : partners) {
            if (resolve(partner).equals(to.id)) {
                return true;
            }
        }
        return false;
    }

    /** Records that two profile ids must never be merged again. */
    public void separate(UUID a, UUID b) {
        if (loadSeparation(a, b)) {
            tracking.newSeparations.add(new Separation(a, b));
        }
    }

    /** Loads a stored separation (not tracked as new); returns whether it was new here. */
    public boolean loadSeparation(UUID a, UUID b) {
        boolean added =
                separations.computeIfAbsent(a, ignored -> new HashSet<>()).add(b);
        separations.computeIfAbsent(b, ignored -> new HashSet<>()).add(a);
        return added;
    }

    /** Two profile ids that must never be merged. */
    public record Separation(UUID first, UUID second) {}

    /** Every separation, once per pair. */
    public List<Separation> separations() {
        List<Separation> out = new ArrayList<>();
        separations.forEach((first, partners) -> partners.forEach(second -> {
            if (first.compareTo(second) < 0) {
                out.add(new Separation(first, second));
            }
        }));
        return out;
    }

    public boolean hasEdge(Identifier a, Identifier b) {
        return edges.contains(Link.EdgeKey.of(a, b));
    }

    /** Records a journal edge; returns false (and records nothing) when the pair is linked already. */
    public boolean addEdge(Link link) {
        if (edges.add(link.key())) {
            tracking.newEdges.add(link);
            return true;
        }
        return false;
    }

    /** Loads a stored edge (not tracked as new). */
    public void loadEdge(Identifier a, Identifier b) {
        edges.add(Link.EdgeKey.of(a, b));
    }

    /** Removes edges from the dedupe set (unmerge revoked them). */
    void forgetEdges(Collection<Link.EdgeKey> keys) {
        edges.removeAll(keys);
    }

    /**
     * Replaces a live profile's members by new partitions (unmerge): the first group stays in {@code profile}, each
     * further group becomes a new profile with the given id.
     */
    List<Profile> repartition(Profile profile, List<List<Member>> groups, List<UUID> newIds, Instant at) {
        if (groups.size() != newIds.size() + 1) {
            throw new IllegalArgumentException("groups and ids do not match");
        }
        for (Member member : profile.members()) {
            byIdentifier.remove(member.identifier());
        }
        profile.container = new Container(profile);
        List<Profile> out = new ArrayList<>();
        for (Member member : groups.get(0)) {
            profile.container.add(member);
            byIdentifier.put(member.identifier(), profile.container);
        }
        out.add(profile);
        for (int i = 1; i < groups.size(); i++) {
            Profile created = createEmpty(newIds.get(i - 1), at);
            for (Member member : groups.get(i)) {
                created.container.add(member);
                byIdentifier.put(member.identifier(), created.container);
            }
            out.add(created);
        }
        return out;
    }

    /** A deterministic profile id for a profile created by an event (or operation) from an identifier. */
    public static UUID profileId(String messageId, Identifier first) {
        return UUID.nameUUIDFromBytes(
                ("cdp-profile\u0000" + messageId + "\u0000" + first.key()).getBytes(StandardCharsets.UTF_8));
    }
}
