package com.monstermart.cdp.trino.access;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Reads a user's effective realm roles from Keycloak's admin REST API, signed in as the configured client's service
 * account. Service accounts (user names {@code service-account-<client id>}) are found through their client.
 */
final class KeycloakRealmRoles implements RealmRoles {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);
    private static final String SERVICE_ACCOUNT_PREFIX = "service-account-";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final KeycloakSettings settings;
    private final HttpClient client;
    private String token;
    private Instant tokenExpiry = Instant.MIN;

    KeycloakRealmRoles(KeycloakSettings settings) {
        this.settings = requireNonNull(settings, "settings is null");
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    }

    @Override
    public Set<String> of(String username) {
        String admin = "/admin/realms/" + encode(settings.realm());
        JsonNode users = get(admin + "/users?exact=true&briefRepresentation=true&username=" + encode(username));
        String id = null;
        for (JsonNode user : users) {
            if (username.equalsIgnoreCase(user.path("username").asText())) {
                id = user.path("id").asText();
            }
        }
        if (id == null && username.startsWith(SERVICE_ACCOUNT_PREFIX)) {
            String clientId = username.substring(SERVICE_ACCOUNT_PREFIX.length());
            JsonNode clients = get(admin + "/clients?clientId=" + encode(clientId));
            if (clients.size() == 1) {
                id = get(admin + "/clients/" + clients.get(0).path("id").asText() + "/service-account-user")
                        .path("id")
                        .asText(null);
            }
        }
        if (id == null) {
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (JsonNode role : get(admin + "/users/" + encode(id) + "/role-mappings/realm/composite")) {
            roles.add(role.path("name").asText());
        }
        return Set.copyOf(roles);
    }

    private JsonNode get(String path) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url() + path))
                .timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token())
                .GET()
                .build();
        return send(request, path);
    }

    private synchronized String token() {
        if (token == null || Instant.now().isAfter(tokenExpiry)) {
            String form = "grant_type=client_credentials&client_id=" + encode(settings.clientId()) + "&client_secret="
                    + encode(settings.clientSecret());
            HttpRequest request = HttpRequest.newBuilder(URI.create(
                            settings.url() + "/realms/" + encode(settings.realm()) + "/protocol/openid-connect/token"))
                    .timeout(REQUEST_TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
            JsonNode answer = send(request, "the token endpoint");
            token = answer.path("access_token").asText();
            // Renewed well before it expires.
            tokenExpiry = Instant.now()
                    .plusSeconds(Math.max(0, answer.path("expires_in").asLong() - 30));
        }
        return token;
    }

    private JsonNode send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Keycloak answered HTTP %d to %s (client %s)"
                        .formatted(response.statusCode(), what, settings.clientId()));
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    "Cannot read realm roles from Keycloak at %s: %s".formatted(settings.url(), e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while reading realm roles", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
