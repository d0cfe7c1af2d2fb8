package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The whole identity graph in memory: for tests, benchmarks and rule dry runs. Every method is synchronized, so it
 * is safe (but serial) under concurrent callers.
 */
public final class InMemoryIdentityStore implements IdentityStore {
    private final Clock clock;
    private ResolutionRules rules;
    private DeterministicResolver resolver;
    private MemoryGraph graph = new MemoryGraph();
    private Map<Identifier, List<Link>> adjacency = new HashMap<>();
    private Map<String, Optional<UUID>> observed = new HashMap<>();
    private Map<Identifier, List<RejectedLink>> rejected = new HashMap<>();
    private List<JournalOperation> log = new ArrayList<>();
    private long edgeCount;

    public InMemoryIdentityStore(ResolutionRules rules, Clock clock) {
        this.rules = requireNonNull(rules, "rules is null");
        this.resolver = new DeterministicResolver(rules);
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Rebuilds a graph by replaying an operation log under a rule set. */
    public static InMemoryIdentityStore replay(List<JournalOperation> operations, ResolutionRules rules, Clock clock) {
        InMemoryIdentityStore store = new InMemoryIdentityStore(rules, clock);
        List<JournalOperation> ordered = new ArrayList<>(operations);
        ordered.sort(Comparator.comparingLong(JournalOperation::sequence));
        for (JournalOperation operation : ordered) {
            store.replayOne(operation);
        }
        return store;
    }

    private void replayOne(JournalOperation operation) {
        switch (operation) {
            case JournalOperation.Observed observedOperation -> resolveOne(observedOperation.observation());
            case JournalOperation.Linked linked -> {
                if (graph.contains(linked.link().from())
                        && graph.contains(linked.link().to())) {
                    link(linked.link());
                }
            }
            case JournalOperation.Split split -> {
                Optional<Identifier> first =
                        split.moved().stream().filter(graph::contains).min(Comparator.naturalOrder());
                if (first.isEmpty()) {
                    return;
                }
                MemoryGraph.Profile profile = graph.profileOf(first.get()).orElseThrow();
                Set<Identifier> moved = new LinkedHashSet<>();
                profile.members().forEach(member -> {
                    if (split.moved().contains(member.identifier())) {
                        moved.add(member.identifier());
                    }
                });
                if (moved.size() < profile.size()) {
                    splitProfile(profile, moved, split.operationId(), split.actor(), split.reason(), split);
                }
            }
            case JournalOperation.Separated separated -> separateAt(separated.first(), separated.second(), separated);
        }
    }

    @Override
    public synchronized ResolutionRules rules() {
        return rules;
    }

    @Override
    public synchronized List<Resolution> resolve(List<Observation> observations) {
        List<Resolution> out = new ArrayList<>(observations.size());
        for (Observation observation : observations) {
            out.add(resolveOne(observation));
        }
        return finalIds(graph, out);
    }

    /** Names, in each resolution of a batch, the profile its event belongs to at the end of the batch. */
    public static List<Resolution> finalIds(MemoryGraph graph, List<Resolution> resolutions) {
        List<Resolution> out = new ArrayList<>(resolutions.size());
        for (Resolution resolution : resolutions) {
            Optional<UUID> now = resolution.profileId().map(graph::resolve);
            out.add(
                    now.equals(resolution.profileId())
                            ? resolution
                            : new Resolution(
                                    resolution.messageId(),
                                    now,
                                    resolution.outcome(),
                                    resolution.changes(),
                                    resolution.rejections()));
        }
        return out;
    }

    private Resolution resolveOne(Observation observation) {
        Optional<UUID> earlier = observed.get(observation.messageId());
        if (earlier != null) {
            return Resolution.duplicate(observation.messageId(), earlier.map(graph::resolve));
        }
        Resolution resolution = resolver.resolve(graph, observation);
        observed.put(observation.messageId(), resolution.profileId());
        log.add(new JournalOperation.Observed(log.size() + 1L, observation));
        absorb(resolution.rejections());
        return resolution;
    }

    private void absorb(List<RejectedLink> rejections) {
        for (Link link : graph.tracked().newEdges()) {
            adjacency
                    .computeIfAbsent(link.from(), ignored -> new ArrayList<>(2))
                    .add(link);
            adjacency.computeIfAbsent(link.to(), ignored -> new ArrayList<>(2)).add(link);
            edgeCount++;
        }
        for (RejectedLink rejection : rejections) {
            rejected.computeIfAbsent(rejection.from(), ignored -> new ArrayList<>())
                    .add(rejection);
            rejection.to().ifPresent(to -> rejected.computeIfAbsent(to, ignored -> new ArrayList<>())
                    .add(rejection));
        }
        graph.resetTracking();
    }

    @Override
    public synchronized Optional<UUID> profileOf(Identifier identifier) {
        return graph.profileOf(identifier).map(MemoryGraph.Profile::id);
    }

    @Override
    public synchronized Optional<ProfileView> profile(UUID profileId) {
        return graph.profile(profileId)
                .map(profile -> new ProfileView(
                        profile.id(), profileId, profile.createdAt(), profile.members(), profile.mergedIds()));
    }

    @Override
    public synchronized Explanation explain(Identifier from, Identifier to) {
        MemoryGraph.Profile profile = known(from);
        MemoryGraph.Profile other = known(to);
        if (profile != other) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_REQUEST,
                    "%s and %s are in different profiles (%s, %s): nothing links them"
                            .formatted(from, to, profile.id(), other.id()));
        }
        return new Explanation(profile.id(), from, to, shortestPath(adjacency, from, to));
    }

    /** Breadth-first search over journal edges. */
    public static List<Link> shortestPath(Map<Identifier, List<Link>> adjacency, Identifier from, Identifier to) {
        if (from.equals(to)) {
            return List.of();
        }
        Map<Identifier, Link> via = new HashMap<>();
        Deque<Identifier> queue = new ArrayDeque<>();
        queue.add(from);
        via.put(from, null);
        while (!queue.isEmpty()) {
            Identifier current = queue.poll();
            for (Link link : adjacency.getOrDefault(current, List.of())) {
                Identifier next = link.other(current);
                if (via.containsKey(next)) {
                    continue;
                }
                via.put(next, link);
                if (next.equals(to)) {
                    List<Link> path = new ArrayList<>();
                    Identifier walk = to;
                    while (!walk.equals(from)) {
                        Link step = via.get(walk);
                        path.add(0, step);
                        walk = step.other(walk);
                    }
                    return path;
                }
                queue.add(next);
            }
        }
        throw new IdentityException(
                IdentityErrorCode.STORE_FAILURE,
                "The journal has no path between %s and %s although they share a profile".formatted(from, to));
    }

    private MemoryGraph.Profile known(Identifier identifier) {
        return graph.profileOf(identifier)
                .orElseThrow(() -> new IdentityException(
                        IdentityErrorCode.IDENTIFIER_NOT_FOUND,
                        "Identifier %s is in no profile".formatted(identifier)));
    }

    @Override
    public synchronized Resolution link(Link link) {
        known(link.from());
        known(link.to());
        Resolution resolution = resolver.link(graph, link);
        log.add(new JournalOperation.Linked(log.size() + 1L, link));
        absorb(resolution.rejections());
        return resolution;
    }

    @Override
    public synchronized UnmergeResult removeIdentifier(Identifier identifier, String actor, String reason) {
        MemoryGraph.Profile profile = known(identifier);
        if (profile.size() == 1) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_REQUEST,
                    "Identifier %s is alone in profile %s already".formatted(identifier, profile.id()));
        }
        return split(profile.id(), Set.of(identifier), actor, reason);
    }

    @Override
    public synchronized UnmergeResult split(UUID profileId, Set<Identifier> moved, String actor, String reason) {
        MemoryGraph.Profile profile = graph.profile(profileId)
                .orElseThrow(
                        () -> new IdentityException(IdentityErrorCode.PROFILE_NOT_FOUND, "No profile " + profileId));
        JournalOperation.Split operation = new JournalOperation.Split(
                log.size() + 1L, UUID.randomUUID().toString(), moved, actor, reason, clock.instant());
        UnmergeResult result = splitProfile(profile, moved, operation.operationId(), actor, reason, operation);
        log.add(operation);
        return result;
    }

    private UnmergeResult splitProfile(
            MemoryGraph.Profile profile,
            Set<Identifier> moved,
            String operationId,
            String actor,
            String reason,
            JournalOperation.Split operation) {
        Map<Link.EdgeKey, Link> edges = new LinkedHashMap<>();
        for (Member member : profile.members()) {
            for (Link link : adjacency.getOrDefault(member.identifier(), List.of())) {
                edges.putIfAbsent(link.key(), link);
            }
        }
        Unmerger.Outcome outcome = Unmerger.unmerge(
                graph, profile, List.copyOf(edges.values()), moved, operationId, actor, reason, operation.at());
        for (Link revoked : outcome.revoked()) {
            adjacency.getOrDefault(revoked.from(), new ArrayList<>()).remove(revoked);
            adjacency.getOrDefault(revoked.to(), new ArrayList<>()).remove(revoked);
            edgeCount--;
        }
        graph.resetTracking();
        return outcome.result();
    }

    @Override
    public synchronized void separate(UUID first, UUID second, String actor, String reason) {
        JournalOperation.Separated operation =
                new JournalOperation.Separated(log.size() + 1L, first, second, actor, reason, clock.instant());
        separateAt(first, second, operation);
        log.add(operation);
    }

    private void separateAt(UUID first, UUID second, JournalOperation.Separated operation) {
        graph.separate(operation.first(), operation.second());
        graph.resetTracking();
    }

    @Override
    public synchronized List<RejectedLink> rejections(UUID profileId, int limit) {
        MemoryGraph.Profile profile = graph.profile(profileId)
                .orElseThrow(
                        () -> new IdentityException(IdentityErrorCode.PROFILE_NOT_FOUND, "No profile " + profileId));
        Set<RejectedLink> out = new LinkedHashSet<>();
        for (Member member : profile.members()) {
            out.addAll(rejected.getOrDefault(member.identifier(), List.of()));
        }
        return out.stream()
                .sorted(Comparator.comparing(RejectedLink::at).reversed())
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized RuleChangeReport dryRun(ResolutionRules candidate) {
        InMemoryIdentityStore replayed = replay(log, candidate, clock);
        RuleChangePlanner.Comparison comparison = RuleChangePlanner.compare(
                RuleChangePlanner.partition(graph), RuleChangePlanner.partition(replayed.graph));
        return RuleChangePlanner.report(
                rules.version(), candidate.version(), comparison, false, "dry-run", clock.instant());
    }

    @Override
    public synchronized RuleChangeReport applyRules(ResolutionRules candidate, String actor) {
        InMemoryIdentityStore replayed = replay(log, candidate, clock);
        RuleChangePlanner.Comparison comparison = RuleChangePlanner.compare(
                RuleChangePlanner.partition(graph), RuleChangePlanner.partition(replayed.graph));
        for (RuleChangeReport.ProfileChange change : comparison.changed()) {
            if (!change.now().isEmpty()
                    && replayed.graph.profile(change.profileId()).isEmpty()) {
                replayed.graph.alias(change.profileId(), change.now().get(0));
            }
        }
        // Ids merged away before stay resolvable: point them to wherever their profile went.
        for (MemoryGraph.Profile profile : graph.profiles()) {
            for (UUID merged : profile.mergedIds()) {
                if (replayed.graph.profile(merged).isEmpty()) {
                    replayed.graph.profile(profile.id()).ifPresent(target -> replayed.graph.alias(merged, target.id()));
                }
            }
        }
        RuleChangeReport report = RuleChangePlanner.report(
                rules.version(), candidate.version(), comparison, true, actor, clock.instant());
        this.rules = candidate;
        this.resolver = replayed.resolver;
        this.graph = replayed.graph;
        this.adjacency = replayed.adjacency;
        this.rejected = replayed.rejected;
        this.edgeCount = replayed.edgeCount;
        Map<String, Optional<UUID>> keep = new HashMap<>(observed);
        this.observed = keep;
        this.log = new ArrayList<>(log);
        return report;
    }

    @Override
    public synchronized Statistics statistics() {
        return new Statistics(graph.profileCount(), graph.identifierCount(), edgeCount, observed.size());
    }

    /** Everything the graph holds, for stores that persist a replayed graph. */
    public record Snapshot(
            List<ProfileView> profiles,
            Map<UUID, Long> sequences,
            List<Link> edges,
            List<MemoryGraph.Separation> separations,
            List<RejectedLink> rejections) {}

    public synchronized Snapshot snapshot() {
        List<ProfileView> profiles = new ArrayList<>();
        Map<UUID, Long> sequences = new HashMap<>();
        for (MemoryGraph.Profile profile : graph.profiles()) {
            profiles.add(new ProfileView(
                    profile.id(), profile.id(), profile.createdAt(), profile.members(), profile.mergedIds()));
            sequences.put(profile.id(), profile.sequence());
        }
        Map<Link.EdgeKey, Link> edges = new LinkedHashMap<>();
        adjacency.values().forEach(links -> links.forEach(link -> edges.putIfAbsent(link.key(), link)));
        Set<RejectedLink> rejections = new LinkedHashSet<>();
        rejected.values().forEach(rejections::addAll);
        return new Snapshot(
                profiles, sequences, List.copyOf(edges.values()), graph.separations(), List.copyOf(rejections));
    }

    /** The operation log (for tests and the PostgreSQL store's rule changes). */
    public synchronized List<JournalOperation> log() {
        return List.copyOf(log);
    }

    /** The graph's partition (for tests and reports). */
    public synchronized Map<UUID, Set<Identifier>> partition() {
        return RuleChangePlanner.partition(graph);
    }
}
