package com.monstermart.cdp.e2e.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.localstack.Http;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.StackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The platform's REST APIs as the demo uses them, with a token of the realm's demo {@code admin} user (who holds
 * every role). Tokens are renewed before they expire.
 */
final class PlatformClient {
    private static final String DEMO_USER = "admin";

    private final StackEndpoints.Keycloak keycloak;
    private final String ingestionUrl;
    private final String identityUrl;
    private final String profilesUrl;
    private String token;
    private Instant tokenExpiry = Instant.EPOCH;

    PlatformClient(StackEndpoints.Keycloak keycloak, String ingestionUrl, String identityUrl, String profilesUrl) {
        this.keycloak = keycloak;
        this.ingestionUrl = ingestionUrl;
        this.identityUrl = identityUrl;
        this.profilesUrl = profilesUrl;
    }

    /** A source of the ingestion registry with its counters. */
    record Source(String id, String kind, String state, long events, long deadLetters, String lastError) {}

    List<Source> sources() {
        JsonNode list = get(ingestionUrl + "/api/ingestion/sources");
        List<Source> sources = new ArrayList<>();
        for (JsonNode source : list) {
            JsonNode status = source.path("status");
            sources.add(new Source(
                    source.path("id").asText(),
                    source.path("kind").asText(),
                    status.path("state").asText("UNKNOWN"),
                    status.path("events").asLong(),
                    status.path("deadLetters").asLong(),
                    status.path("lastError").asText("")));
        }
        return sources;
    }

    /** Candidate links of the probabilistic matcher waiting for a person's decision (at most 1,000 counted). */
    long openReviews() {
        return get(identityUrl + "/identity/reviews?status=OPEN&limit=1000").size();
    }

    /**
     * The profile an identifier belongs to, looked up by value through the profile API ({@code POST
     * /api/profiles/lookup}); empty when it answers 404.
     */
    Optional<String> profileOf(IdentifierLookups.Lookup lookup) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("type", lookup.type());
        if (lookup.namespace() != null) {
            body.put("namespace", lookup.namespace());
        }
        body.put("value", lookup.value());
        String url = profilesUrl + "/api/profiles/lookup";
        try {
            Http.Response response = Http.postJson(url, Map.of("Authorization", "Bearer " + token()), body);
            if (response.status() == 404) {
                return Optional.empty();
            }
            return Optional.of(
                    response.requireSuccess(url).json().path("profileId").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private JsonNode get(String url) {
        try {
            return Http.get(url, Map.of("Authorization", "Bearer " + token()))
                    .requireSuccess(url)
                    .json();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized String token() throws IOException {
        if (Instant.now().isAfter(tokenExpiry)) {
            JsonNode response = Http.postForm(
                            keycloak.tokenUrl(),
                            Map.of(
                                    "grant_type",
                                    "password",
                                    "client_id",
                                    keycloak.cliClientId(),
                                    "username",
                                    DEMO_USER,
                                    "password",
                                    DEMO_USER))
                    .requireSuccess("Keycloak's token endpoint")
                    .json();
            if (!response.hasNonNull("access_token")) {
                throw new StackException("Keycloak issued no token for the demo user " + DEMO_USER);
            }
            token = response.get("access_token").asText();
            tokenExpiry = Instant.now()
                    .plusSeconds(Math.max(30, response.path("expires_in").asLong(300) - 30));
        }
        return token;
    }
}
