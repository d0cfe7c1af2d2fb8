package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

/** An identifier and the profile it belongs to, as the hot store's lookup table keeps it. */
public record IdentityOwner(IdentifierKey identifier, String profileId, IdentifierSeen seen) {
    public IdentityOwner {
        requireNonNull(identifier, "identifier is null");
        requireNonNull(profileId, "profileId is null");
        requireNonNull(seen, "seen is null");
    }
}
