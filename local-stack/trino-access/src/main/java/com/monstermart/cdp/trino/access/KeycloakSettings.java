package com.monstermart.cdp.trino.access;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Where the group provider reads realm roles, and as whom: a confidential client of the realm whose service account
 * may view users and clients ({@code realm-management} roles {@code view-users}, {@code query-users},
 * {@code view-clients}, {@code query-clients}).
 *
 * @param url Keycloak's base URL
 * @param realm the realm whose tokens Trino accepts
 * @param clientId the client whose service account reads the roles
 * @param clientSecret its secret (Trino resolves {@code ${ENV:...}} in plugin properties)
 * @param cacheTtl how long a user's roles are kept before they are read again
 */
public record KeycloakSettings(URI url, String realm, String clientId, String clientSecret, Duration cacheTtl) {
    static final String URL = "cdp-keycloak.url";
    static final String REALM = "cdp-keycloak.realm";
    static final String CLIENT_ID = "cdp-keycloak.client-id";
    static final String CLIENT_SECRET = "cdp-keycloak.client-secret";
    static final String CACHE_TTL = "cdp-keycloak.cache-ttl-seconds";

    public KeycloakSettings {
        requireNonNull(url, "url is null");
        requireNonNull(realm, "realm is null");
        requireNonNull(clientId, "clientId is null");
        requireNonNull(clientSecret, "clientSecret is null");
        requireNonNull(cacheTtl, "cacheTtl is null");
    }

    /** From the group provider's properties; every key but the cache's lifetime (default 30 s) is required. */
    public static KeycloakSettings fromConfig(Map<String, String> config) {
        Map<String, String> remaining = new HashMap<>(config);
        String url = required(remaining, URL);
        String realm = required(remaining, REALM);
        String clientId = required(remaining, CLIENT_ID);
        String clientSecret = required(remaining, CLIENT_SECRET);
        String ttl = remaining.remove(CACHE_TTL);
        if (!remaining.isEmpty()) {
            throw new IllegalArgumentException("Unknown cdp-keycloak properties %s (known: %s, %s, %s, %s, %s)"
                    .formatted(remaining.keySet(), URL, REALM, CLIENT_ID, CLIENT_SECRET, CACHE_TTL));
        }
        return new KeycloakSettings(
                URI.create(url.replaceAll("/+$", "")),
                realm,
                clientId,
                clientSecret,
                Duration.ofSeconds(ttl == null ? 30 : Long.parseLong(ttl.strip())));
    }

    private static String required(Map<String, String> config, String key) {
        String value = config.remove(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The group provider needs " + key);
        }
        return value.strip();
    }

    @Override
    public String toString() {
        return "KeycloakSettings[url=%s, realm=%s, clientId=%s, cacheTtl=%s]".formatted(url, realm, clientId, cacheTtl);
    }
}
