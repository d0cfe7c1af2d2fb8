package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.UUID;

/**
 * How profiles change (dry run) or changed (apply) when the graph is re-resolved under new rules.
 *
 * @param unchangedProfiles profiles whose identifiers stay together and alone
 * @param splitProfiles profiles whose identifiers end up in several profiles
 * @param mergedProfiles profiles whose identifiers end up, whole, in a profile that also holds others
 * @param detachedIdentifiers identifiers in no profile any more (now blocked)
 * @param examples up to 100 of the changed profiles, for review
 * @param changes what {@code cdp.identity.changes} is told when applied (empty for a dry run)
 */
public record RuleChangeReport(
        String fromVersion,
        String toVersion,
        int profilesBefore,
        int profilesAfter,
        int unchangedProfiles,
        int splitProfiles,
        int mergedProfiles,
        int detachedIdentifiers,
        List<ProfileChange> examples,
        boolean applied,
        List<IdentityChange> changes) {
    public static final int MAX_EXAMPLES = 100;

    public RuleChangeReport {
        requireNonNull(fromVersion, "fromVersion is null");
        requireNonNull(toVersion, "toVersion is null");
        examples = List.copyOf(examples);
        changes = List.copyOf(changes);
    }

    /** One changed profile: where its identifiers go. */
    public record ProfileChange(UUID profileId, int identifiers, List<UUID> now, int detached) {
        public ProfileChange {
            requireNonNull(profileId, "profileId is null");
            now = List.copyOf(now);
        }
    }
}
