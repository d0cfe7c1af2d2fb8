package com.monstermart.cdp.identity.core.graph;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

/**
 * Splits a profile: the journal edges that cross from the moved identifiers to the rest are revoked, and the
 * profile's identifiers are regrouped into the connected components of the remaining edges. The largest component
 * of the identifiers that stay keeps the profile id (ties: the oldest attachment); every other component becomes a
 * new profile, and the moved side is separated from the staying side so that the same evidence cannot merge them
 * again.
 */
public final class Unmerger {
    private Unmerger() {}

    /** What an unmerge did: the result to return, and the edges it revoked (to mark in the journal). */
    public record Outcome(UnmergeResult result, List<Link> revoked) {}

    public static Outcome unmerge(
            MemoryGraph graph,
            MemoryGraph.Profile profile,
            List<Link> edges,
            Set<Identifier> moved,
            String operationId,
            String actor,
            String reason,
            Instant at) {
        List<Member> members = profile.members();
        if (moved.isEmpty()) {
            throw new IdentityException(IdentityErrorCode.INVALID_REQUEST, "Nothing to split off: no identifiers");
        }
        Map<Identifier, Integer> index = new HashMap<>();
        for (int i = 0; i < members.size(); i++) {
            index.put(members.get(i).identifier(), i);
        }
        for (Identifier identifier : moved) {
            if (!index.containsKey(identifier)) {
                throw new IdentityException(
                        IdentityErrorCode.INVALID_REQUEST,
                        "Identifier %s is not in profile %s".formatted(identifier, profile.id()));
            }
        }
        if (moved.size() >= members.size()) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_REQUEST,
                    "Cannot split all %d identifiers off profile %s: at least one must stay"
                            .formatted(members.size(), profile.id()));
        }
        int[] parent = new int[members.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        List<Link> revoked = new ArrayList<>();
        for (Link edge : edges) {
            Integer a = index.get(edge.from());
            Integer b = index.get(edge.to());
            if (a == null || b == null) {
                continue;
            }
            if (moved.contains(edge.from()) != moved.contains(edge.to())) {
                revoked.add(edge);
                continue;
            }
            parent[find(parent, a)] = find(parent, b);
        }
        Map<Integer, List<Member>> components = new LinkedHashMap<>();
        for (int i = 0; i < members.size(); i++) {
            components
                    .computeIfAbsent(find(parent, i), ignored -> new ArrayList<>())
                    .add(members.get(i));
        }
        Comparator<List<Member>> byFirstIdentifier = Comparator.comparing(firstIdentifier());
        List<List<Member>> staying = new ArrayList<>();
        List<List<Member>> leaving = new ArrayList<>();
        for (List<Member> component : components.values()) {
            component.sort(Comparator.comparing(Member::identifier));
            (moved.contains(component.get(0).identifier()) ? leaving : staying).add(component);
        }
        staying.sort(Comparator.<List<Member>>comparingInt(List::size)
                .reversed()
                .thenComparing(component -> component.stream()
                        .map(Member::attachedAt)
                        .min(Comparator.naturalOrder())
                        .orElseThrow())
                .thenComparing(byFirstIdentifier));
        leaving.sort(byFirstIdentifier);
        List<List<Member>> groups = new ArrayList<>(staying);
        groups.addAll(leaving);
        List<UUID> newIds = new ArrayList<>();
        for (int i = 1; i < groups.size(); i++) {
            newIds.add(MemoryGraph.profileId(operationId, groups.get(i).get(0).identifier()));
        }
        graph.forgetEdges(revoked.stream().map(Link::key).toList());
        List<MemoryGraph.Profile> profiles = graph.repartition(profile, groups, newIds, at);
        int stayingCount = staying.size();
        for (int i = stayingCount; i < profiles.size(); i++) {
            for (int j = 0; j < stayingCount; j++) {
                graph.separate(profiles.get(i).id(), profiles.get(j).id());
            }
        }
        List<ProfileView> views = profiles.stream()
                .map(each -> new ProfileView(each.id(), each.id(), each.createdAt(), each.members(), List.of()))
                .toList();
        IdentityChange change = new IdentityChange.ProfileSplit(profile.id(), newIds, reason, actor, at);
        return new Outcome(new UnmergeResult(profile.id(), views, List.of(change)), revoked);
    }

    private static Function<List<Member>, Identifier> firstIdentifier() {
        return component -> component.get(0).identifier();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
