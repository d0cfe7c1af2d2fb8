package com.monstermart.cdp.identity.core.graph;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What downstream must learn about profiles: the content of {@code cdp.identity.changes}. */
public sealed interface IdentityChange {
    UUID profileId();

    Instant at();

    /** A new profile. */
    record ProfileCreated(UUID profileId, String messageId, Instant at) implements IdentityChange {
        public ProfileCreated {
            requireNonNull(profileId, "profileId is null");
            requireNonNull(messageId, "messageId is null");
            requireNonNull(at, "at is null");
        }
    }

    /** {@code merged} now resolves to {@code profileId} (the older profile survives). */
    record ProfilesMerged(UUID profileId, UUID merged, Link evidence, Instant at) implements IdentityChange {
        public ProfilesMerged {
            requireNonNull(profileId, "profileId is null");
            requireNonNull(merged, "merged is null");
            requireNonNull(evidence, "evidence is null");
            requireNonNull(at, "at is null");
        }
    }

    /**
     * A profile was split: {@code profileId} keeps part of its identifiers and {@code created} hold the rest.
     *
     * @param reason why (an unmerge request, a rule change)
     */
    record ProfileSplit(UUID profileId, List<UUID> created, String reason, String actor, Instant at)
            implements IdentityChange {
        public ProfileSplit {
            requireNonNull(profileId, "profileId is null");
            created = List.copyOf(created);
            requireNonNull(reason, "reason is null");
            requireNonNull(actor, "actor is null");
            requireNonNull(at, "at is null");
        }
    }

    /**
     * Re-resolution under new rules moved this profile's identifiers: they now belong to {@code now} (the profile
     * id itself, if listed, still lives; otherwise it resolves to the first of {@code now}).
     */
    record ProfileReassigned(UUID profileId, List<UUID> now, String reason, String actor, Instant at)
            implements IdentityChange {
        public ProfileReassigned {
            requireNonNull(profileId, "profileId is null");
            now = List.copyOf(now);
            requireNonNull(reason, "reason is null");
            requireNonNull(actor, "actor is null");
            requireNonNull(at, "at is null");
        }
    }
}
