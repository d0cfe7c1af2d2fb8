package com.monstermart.cdp.trino.access;

import static java.util.Objects.requireNonNull;

import io.trino.spi.security.GroupProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Trino's groups of a user are the user's realm roles in Keycloak ({@code analyst}, {@code admin}, ...), so access
 * rules name roles. Trino asks for every query; the answer is kept for a while (30 s by default), so a role granted
 * or taken away in Keycloak counts within that time.
 */
public final class RealmRoleGroupProvider implements GroupProvider {
    private record Cached(Set<String> groups, Instant expiresAt) {}

    private final RealmRoles roles;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentMap<String, Cached> cache = new ConcurrentHashMap<>();

    RealmRoleGroupProvider(RealmRoles roles, Duration ttl, Clock clock) {
        this.roles = requireNonNull(roles, "roles is null");
        this.ttl = requireNonNull(ttl, "ttl is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public Set<String> getGroups(String user) {
        Instant now = clock.instant();
        Cached cached = cache.get(user);
        if (cached != null && now.isBefore(cached.expiresAt())) {
            return cached.groups();
        }
        Set<String> groups = roles.of(user);
        cache.put(user, new Cached(groups, now.plus(ttl)));
        return groups;
    }
}
