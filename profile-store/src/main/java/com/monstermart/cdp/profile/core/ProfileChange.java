package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;

/**
 * What identity resolution (and, for erasure, the privacy service) tells the store about profiles as a whole,
 * from {@code cdp.identity.changes}.
 */
public sealed interface ProfileChange {
    /** The profile the change is about (the survivor of a merge, the origin of a split). */
    String profileId();

    /** When it happened. */
    Instant at();

    /** A new profile. */
    record ProfileCreated(String profileId, Instant at) implements ProfileChange {
        public ProfileCreated {
            requireNonNull(profileId, "profileId is null");
            requireNonNull(at, "at is null");
        }
    }

    /** {@code mergedId} now resolves to {@code profileId}, which keeps both profiles' data. */
    record ProfilesMerged(String profileId, String mergedId, Instant at) implements ProfileChange {
        public ProfilesMerged {
            requireNonNull(profileId, "profileId is null");
            requireNonNull(mergedId, "mergedId is null");
            requireNonNull(at, "at is null");
            if (profileId.equals(mergedId)) {
                throw new IllegalArgumentException("A profile cannot be merged into itself: " + profileId);
            }
        }
    }

    /**
     * {@code profileId} was split: each part becomes (or stays) a profile of its own, taking the listed identifiers
     * with it.
     *
     * @param reason why, e.g. {@code unmerge-request} or {@code rule-change}
     */
    record ProfileSplit(String profileId, List<SplitPart> parts, String reason, Instant at) implements ProfileChange {
        public ProfileSplit {
            requireNonNull(profileId, "profileId is null");
            parts = List.copyOf(requireNonNull(parts, "parts is null"));
            requireNonNull(reason, "reason is null");
            requireNonNull(at, "at is null");
        }
    }

    /** One profile that comes out of a split, with the identifiers it takes (possibly none listed). */
    record SplitPart(String profileId, List<IdentifierKey> identifiers) {
        public SplitPart {
            requireNonNull(profileId, "profileId is null");
            identifiers = List.copyOf(requireNonNull(identifiers, "identifiers is null"));
        }
    }

    /** The data subject was erased: the profile keeps its id and status only. */
    record ProfileErased(String profileId, Instant at) implements ProfileChange {
        public ProfileErased {
            requireNonNull(profileId, "profileId is null");
            requireNonNull(at, "at is null");
        }
    }
}
