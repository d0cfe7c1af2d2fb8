package com.monstermart.cdp.identity.core.graph;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Compares the partition of the graph before and after re-resolution, for rule-change reports. */
public final class RuleChangePlanner {
    private RuleChangePlanner() {}

    /** The comparison: the report's counts plus, per changed profile, where its identifiers went. */
    public record Comparison(
            int profilesBefore,
            int profilesAfter,
            int unchanged,
            int split,
            int merged,
            int detached,
            List<RuleChangeReport.ProfileChange> changed) {}

    public static Comparison compare(Map<UUID, Set<Identifier>> before, Map<UUID, Set<Identifier>> after) {
        Map<Identifier, UUID> owner = new HashMap<>();
        after.forEach((id, identifiers) -> identifiers.forEach(identifier -> owner.put(identifier, id)));
        int unchanged = 0;
        int split = 0;
        int merged = 0;
        int detached = 0;
        List<RuleChangeReport.ProfileChange> changed = new ArrayList<>();
        for (Map.Entry<UUID, Set<Identifier>> entry : before.entrySet()) {
            Map<UUID, Integer> targets = new LinkedHashMap<>();
            int gone = 0;
            for (Identifier identifier : entry.getValue()) {
                UUID target = owner.get(identifier);
                if (target == null) {
                    gone++;
                } else {
                    targets.merge(target, 1, Integer::sum);
                }
            }
            detached += gone;
            if (gone == 0
                    && targets.size() == 1
                    && after.get(targets.keySet().iterator().next()).size()
                            == entry.getValue().size()) {
                unchanged++;
                continue;
            }
            if (targets.size() > 1) {
                split++;
            } else if (targets.size() == 1 && gone == 0) {
                merged++;
            }
            List<UUID> now = new ArrayList<>(targets.keySet());
            now.sort((a, b) -> Integer.compare(targets.get(b), targets.get(a)));
            changed.add(new RuleChangeReport.ProfileChange(
                    entry.getKey(), entry.getValue().size(), now, gone));
        }
        return new Comparison(before.size(), after.size(), unchanged, split, merged, detached, changed);
    }

    public static RuleChangeReport report(
            String fromVersion, String toVersion, Comparison comparison, boolean applied, String actor, Instant at) {
        List<IdentityChange> changes = new ArrayList<>();
        if (applied) {
            for (RuleChangeReport.ProfileChange change : comparison.changed()) {
                changes.add(new IdentityChange.ProfileReassigned(
                        change.profileId(), change.now(), "rules " + toVersion, actor, at));
            }
        }
        List<RuleChangeReport.ProfileChange> examples = comparison.changed().size() > RuleChangeReport.MAX_EXAMPLES
                ? comparison.changed().subList(0, RuleChangeReport.MAX_EXAMPLES)
                : comparison.changed();
        return new RuleChangeReport(
                fromVersion,
                toVersion,
                comparison.profilesBefore(),
                comparison.profilesAfter(),
                comparison.unchanged(),
                comparison.split(),
                comparison.merged(),
                comparison.detached(),
                examples,
                applied,
                changes);
    }

    /** The partition of a memory graph: live profile id → its identifiers. */
    public static Map<UUID, Set<Identifier>> partition(MemoryGraph graph) {
        Map<UUID, Set<Identifier>> out = new LinkedHashMap<>();
        for (MemoryGraph.Profile profile : graph.profiles()) {
            Set<Identifier> identifiers = new LinkedHashSet<>();
            profile.members().forEach(member -> identifiers.add(member.identifier()));
            out.put(profile.id(), identifiers);
        }
        return out;
    }
}
