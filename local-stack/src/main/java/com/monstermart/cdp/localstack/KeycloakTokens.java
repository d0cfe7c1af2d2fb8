package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/** Issues access tokens of realm {@code cdp} from its token endpoint. */
public final class KeycloakTokens {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final StackEndpoints.Keycloak keycloak;

    public KeycloakTokens(StackEndpoints.Keycloak keycloak) {
        this.keycloak = requireNonNull(keycloak, "keycloak is null");
    }

    /** A new token: the password grant through {@code cdp-cli} for a person, client credentials for a service account. */
    public AccessToken issue(RealmCredentials credentials) {
        Map<String, String> form =
                switch (credentials) {
                    case RealmCredentials.Person person ->
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                keycloak.cliClientId(),
                                "username",
                                person.username(),
                                "password",
                                person.password());
                    case StackEndpoints.ServiceAccount account ->
                        Map.of(
                                "grant_type",
                                "client_credentials",
                                "client_id",
                                account.clientId(),
                                "client_secret",
                                account.secret());
                };
        try {
            Http.Response response = Http.postForm(keycloak.tokenUrl(), form);
            if (response.status() == 401 || response.status() == 400) {
                throw new StackException("Keycloak refused to sign in %s (HTTP %d): %s"
                        .formatted(
                                credentials.username(),
                                response.status(),
                                response.json().path("error_description").asText("wrong credentials")));
            }
            String token = response.requireSuccess("Keycloak's token endpoint")
                    .json()
                    .path("access_token")
                    .asText();
            return parse(token);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot reach Keycloak's token endpoint " + keycloak.tokenUrl(), e);
        }
    }

    /** Reads the user name and expiry from a token's claims (the signature is Trino's and the services' to check). */
    public static AccessToken parse(String token) {
        String[] parts = token.split("\\.");
        if (parts.length != 3) {
            throw new StackException("Not a signed JWT (expected three parts separated by dots)");
        }
        try {
            JsonNode claims =
                    JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
            return new AccessToken(
                    token,
                    claims.path("preferred_username").asText(""),
                    Instant.ofEpochSecond(claims.path("exp").asLong()));
        } catch (IOException | IllegalArgumentException e) {
            throw new StackException("The token's claims are not readable JSON: " + e.getMessage(), e);
        }
    }
}
