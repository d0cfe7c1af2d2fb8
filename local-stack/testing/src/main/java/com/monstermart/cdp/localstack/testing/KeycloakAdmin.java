package com.monstermart.cdp.localstack.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.localstack.Http;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.StackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Keycloak's admin REST API as the master realm's bootstrap administrator (local stacks only). */
final class KeycloakAdmin {
    private final StackEndpoints.Keycloak keycloak;

    KeycloakAdmin(StackEndpoints.Keycloak keycloak) {
        this.keycloak = keycloak;
    }

    /** Creates a user with email and names (Keycloak requires them for the password grant) and realm roles. */
    String createUser(String username, String password, List<String> roles) {
        try {
            Map<String, String> headers = headers();
            String users = keycloak.url() + "/admin/realms/" + keycloak.realm() + "/users";
            Http.postJson(
                            users,
                            headers,
                            Map.of(
                                    "username",
                                    username,
                                    "email",
                                    username + "@test.monstermart.example",
                                    "firstName",
                                    "Test",
                                    "lastName",
                                    "User",
                                    "enabled",
                                    true,
                                    "emailVerified",
                                    true,
                                    "credentials",
                                    List.of(Map.of("type", "password", "value", password, "temporary", false))))
                    .requireSuccess("Creating a Keycloak user");
            JsonNode found = Http.get(users + "?exact=true&username=" + Http.encode(username), headers)
                    .requireSuccess("Finding a Keycloak user")
                    .json();
            if (found.isEmpty()) {
                throw new StackException("Keycloak did not return the user it created");
            }
            String id = found.get(0).get("id").asText();
            List<JsonNode> roleRepresentations = new ArrayList<>();
            for (String role : roles) {
                roleRepresentations.add(Http.get(
                                keycloak.url() + "/admin/realms/" + keycloak.realm() + "/roles/" + Http.encode(role),
                                headers)
                        .requireSuccess("Reading realm role " + role)
                        .json());
            }
            if (!roleRepresentations.isEmpty()) {
                Http.postJson(users + "/" + id + "/role-mappings/realm", headers, roleRepresentations)
                        .requireSuccess("Granting realm roles");
            }
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteUser(String id) {
        try {
            Http.delete(keycloak.url() + "/admin/realms/" + keycloak.realm() + "/users/" + id, headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Map<String, String> headers() throws IOException {
        String token = Http.postForm(
                        keycloak.url() + "/realms/master/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                keycloak.adminUser(),
                                "password",
                                keycloak.adminPassword()))
                .requireSuccess("Keycloak's master token endpoint")
                .json()
                .get("access_token")
                .asText();
        return Map.of("Authorization", "Bearer " + token);
    }
}
