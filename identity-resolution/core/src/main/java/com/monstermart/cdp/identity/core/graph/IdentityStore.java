package com.monstermart.cdp.identity.core.graph;

import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.rules.ResolutionRules;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The identity graph: resolves observations into stable profiles under the current rules, keeps the merge journal,
 * explains links, unmerges, and re-resolves on rule changes.
 *
 * <p>Implementations: {@link InMemoryIdentityStore} (tests, benchmarks, rule dry runs) and the PostgreSQL store.
 * Resolving is idempotent by messageId and safe to call from several threads (and, for PostgreSQL, processes).
 */
public interface IdentityStore {
    ResolutionRules rules();

    /**
     * Resolves observations in order. Each is applied once: a messageId seen before returns
     * {@link ResolutionOutcome#DUPLICATE} with its earlier profile.
     */
    List<Resolution> resolve(List<Observation> observations);

    default Resolution resolve(Observation observation) {
        return resolve(List.of(observation)).get(0);
    }

    /** The profile an identifier belongs to now. */
    Optional<UUID> profileOf(Identifier identifier);

    /** A profile by id; a merged id returns the profile it was merged into. */
    Optional<ProfileView> profile(UUID profileId);

    /** The journal path linking two identifiers of one profile (IDENTIFIER_NOT_FOUND / INVALID_REQUEST if not). */
    Explanation explain(Identifier from, Identifier to);

    /**
     * Links the profiles of two known identifiers on non-event evidence ({@link LinkKind#PROBABILISTIC} or
     * {@link LinkKind#MANUAL}); the rules still apply. {@code link.messageId()} is the operation id.
     */
    Resolution link(Link link);

    /** Takes an identifier out of its profile into a profile of its own (and separates the two). */
    UnmergeResult removeIdentifier(Identifier identifier, String actor, String reason);

    /** Splits identifiers off a profile; components are recomputed from the remaining journal edges. */
    UnmergeResult split(UUID profileId, Set<Identifier> moved, String actor, String reason);

    /** Records that two profiles must never be merged (e.g. a rejected review). */
    void separate(UUID first, UUID second, String actor, String reason);

    /** Rejected links of a profile's identifiers, newest first (at most {@code limit}). */
    List<RejectedLink> rejections(UUID profileId, int limit);

    /** How profiles would change if the graph were re-resolved under {@code candidate}; changes nothing. */
    RuleChangeReport dryRun(ResolutionRules candidate);

    /** Re-resolves the whole graph under {@code candidate}, makes it the current rule set, and reports. */
    RuleChangeReport applyRules(ResolutionRules candidate, String actor);

    /** Counts for health pages and benchmarks. */
    Statistics statistics();

    record Statistics(long profiles, long identifiers, long edges, long observations) {}
}
