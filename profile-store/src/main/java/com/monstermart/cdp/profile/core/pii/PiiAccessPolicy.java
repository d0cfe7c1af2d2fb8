package com.monstermart.cdp.profile.core.pii;

import static java.util.Objects.requireNonNull;

import java.util.Collection;
import java.util.Set;

/**
 * Who may see personal data in plaintext through the profile API: callers holding one of {@code revealRoles}
 * (by default {@code privacy-officer} and {@code admin}) who also state a purpose. Everyone else, and those callers
 * without a purpose, get masked values.
 */
public record PiiAccessPolicy(Set<String> revealRoles) {
    public PiiAccessPolicy {
        revealRoles = Set.copyOf(requireNonNull(revealRoles, "revealRoles is null"));
    }

    public boolean mayReveal(Collection<String> callerRoles) {
        return callerRoles.stream().anyMatch(revealRoles::contains);
    }
}
