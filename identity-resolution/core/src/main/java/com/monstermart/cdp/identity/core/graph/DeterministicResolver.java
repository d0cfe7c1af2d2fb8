package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.rules.IdentifierRule;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Deterministic resolution of one observation on a {@link MemoryGraph}, under {@link ResolutionRules}.
 *
 * <ol>
 *   <li>Blocked identifiers are dropped (and recorded).
 *   <li>The rest are ordered by rule priority (then type, namespace, value): the first is the anchor; its profile
 *       is the event's profile. A new anchor joins the profile of the highest-priority known identifier if its
 *       rule allows, else it starts a new profile.
 *   <li>Each further identifier is linked to the anchor's profile: a new identifier is attached, another profile is
 *       merged (the older one survives). A link that would break a limit, or join separated profiles, is not made
 *       and is recorded with the rule that refused it; the identifier stays where it was.
 * </ol>
 *
 * <p>Every link made (or confirmed) becomes a journal edge with its evidence, once per identifier pair.
 */
public final class DeterministicResolver {
    private final ResolutionRules rules;
    private final Comparator<Identifier> order;

    public DeterministicResolver(ResolutionRules rules) {
        this.rules = requireNonNull(rules, "rules is null");
        this.order = Comparator.<Identifier>comparingInt(
                        identifier -> -rules.rule(identifier.type()).priority())
                .thenComparing(Comparator.naturalOrder());
    }

    public ResolutionRules rules() {
        return rules;
    }

    public Resolution resolve(MemoryGraph graph, Observation observation) {
        String messageId = observation.messageId();
        Instant at = observation.timestamp();
        List<RejectedLink> rejections = new ArrayList<>();
        List<Identifier> usable = new ArrayList<>(observation.identifiers().size());
        for (Identifier identifier : observation.identifiers()) {
            Optional<String> blocked = rules.blockReason(identifier);
            if (blocked.isPresent()) {
                rejections.add(new RejectedLink(
                        identifier, Optional.empty(), RejectionReason.BLOCKED_VALUE, blocked.get(), messageId, at));
            } else {
                usable.add(identifier);
            }
        }
        if (usable.isEmpty()) {
            return new Resolution(messageId, Optional.empty(), ResolutionOutcome.UNRESOLVED, List.of(), rejections);
        }
        usable.sort(order);
        Identifier anchor = usable.get(0);
        List<IdentityChange> changes = new ArrayList<>();
        ResolutionOutcome outcome = ResolutionOutcome.MATCHED;
        MemoryGraph.Profile profile = graph.profileOf(anchor).orElse(null);
        if (profile == null) {
            // A new anchor joins the profile of the strongest known identifier when its rule allows it; otherwise
            // (e.g. a second user id of the same source) it starts a profile of its own.
            for (int i = 1; i < usable.size() && profile == null; i++) {
                MemoryGraph.Profile known = graph.profileOf(usable.get(i)).orElse(null);
                if (known != null) {
                    if (refuseAttach(known, anchor, at).isEmpty()) {
                        graph.attach(known, anchor, at);
                        profile = known;
                    }
                    break;
                }
            }
        }
        if (profile == null) {
            profile = graph.create(MemoryGraph.profileId(messageId, anchor), at, anchor);
            changes.add(new IdentityChange.ProfileCreated(profile.id(), messageId, at));
            outcome = ResolutionOutcome.CREATED;
        }
        String rule = "event/rules-" + rules.version();
        for (int i = 1; i < usable.size(); i++) {
            Identifier identifier = usable.get(i);
            Link link = new Link(anchor, identifier, LinkKind.OBSERVED, messageId, at, rule, 1.0);
            MemoryGraph.Profile other = graph.profileOf(identifier).orElse(null);
            if (other == profile) {
                graph.addEdge(link);
                continue;
            }
            if (other == null) {
                Optional<String> refused = refuseAttach(profile, identifier, at);
                if (refused.isPresent()) {
                    rejections.add(rejected(link, RejectionReason.LIMIT_EXCEEDED, refused.get()));
                } else {
                    graph.attach(profile, identifier, at);
                    graph.addEdge(link);
                }
                continue;
            }
            Optional<RejectedLink> refused = refuseMerge(graph, profile, other, link);
            if (refused.isPresent()) {
                rejections.add(refused.get());
                continue;
            }
            MemoryGraph.Profile survivor = graph.merge(profile, other);
            UUID merged = survivor == profile ? other.id() : profile.id();
            changes.add(new IdentityChange.ProfilesMerged(survivor.id(), merged, link, at));
            graph.addEdge(link);
            profile = survivor;
            if (outcome == ResolutionOutcome.MATCHED) {
                outcome = ResolutionOutcome.MERGED;
            }
        }
        return new Resolution(messageId, Optional.of(profile.id()), outcome, changes, rejections);
    }

    /**
     * Links two identifiers already in the graph on evidence other than an event (probabilistic match, accepted
     * review): merges their profiles unless a rule refuses.
     */
    public Resolution link(MemoryGraph graph, Link link) {
        MemoryGraph.Profile a = graph.profileOf(link.from()).orElseThrow();
        MemoryGraph.Profile b = graph.profileOf(link.to()).orElseThrow();
        if (a == b) {
            graph.addEdge(link);
            return new Resolution(
                    link.messageId(), Optional.of(a.id()), ResolutionOutcome.MATCHED, List.of(), List.of());
        }
        Optional<RejectedLink> refused = refuseMerge(graph, a, b, link);
        if (refused.isPresent()) {
            return new Resolution(
                    link.messageId(),
                    Optional.of(a.id()),
                    ResolutionOutcome.MATCHED,
                    List.of(),
                    List.of(refused.get()));
        }
        MemoryGraph.Profile survivor = graph.merge(a, b);
        UUID merged = survivor == a ? b.id() : a.id();
        graph.addEdge(link);
        return new Resolution(
                link.messageId(),
                Optional.of(survivor.id()),
                ResolutionOutcome.MERGED,
                List.of(new IdentityChange.ProfilesMerged(survivor.id(), merged, link, link.at())),
                List.of());
    }

    private Optional<RejectedLink> refuseMerge(
            MemoryGraph graph, MemoryGraph.Profile profile, MemoryGraph.Profile other, Link link) {
        if (graph.separated(profile, other)) {
            return Optional.of(rejected(link, RejectionReason.SEPARATED, "separated"));
        }
        Optional<String> limit = refuseMergeLimits(profile, other, link.at());
        return limit.map(detail -> rejected(link, RejectionReason.LIMIT_EXCEEDED, detail));
    }

    private static RejectedLink rejected(Link link, RejectionReason reason, String detail) {
        return new RejectedLink(link.from(), Optional.of(link.to()), reason, detail, link.messageId(), link.at());
    }

    private Optional<String> refuseAttach(MemoryGraph.Profile profile, Identifier identifier, Instant at) {
        IdentifierRule rule = rules.rule(identifier.type());
        if (rule.maxPerProfile() == 0) {
            return Optional.empty();
        }
        int count = count(profile, identifier.group(), rule, at);
        return count + 1 > rule.maxPerProfile() ? Optional.of(limitDetail(rule)) : Optional.empty();
    }

    private Optional<String> refuseMergeLimits(MemoryGraph.Profile a, MemoryGraph.Profile b, Instant at) {
        MemoryGraph.Profile small = a.size() <= b.size() ? a : b;
        MemoryGraph.Profile large = small == a ? b : a;
        for (String group : small.groups()) {
            IdentifierRule rule =
                    rules.rule(small.group(group).get(0).identifier().type());
            if (rule.maxPerProfile() == 0) {
                continue;
            }
            int combined = count(small, group, rule, at) + count(large, group, rule, at);
            if (combined > rule.maxPerProfile()) {
                return Optional.of(limitDetail(rule));
            }
        }
        return Optional.empty();
    }

    private static int count(MemoryGraph.Profile profile, String group, IdentifierRule rule, Instant at) {
        return rule.window().isPresent()
                ? profile.countSince(group, at.minus(rule.window().get()))
                : profile.count(group);
    }

    private static String limitDetail(IdentifierRule rule) {
        return "%s.max-per-profile=%d%s"
                .formatted(
                        rule.type().wireName(),
                        rule.maxPerProfile(),
                        rule.window().map(window -> " per " + window).orElse(""));
    }
}
