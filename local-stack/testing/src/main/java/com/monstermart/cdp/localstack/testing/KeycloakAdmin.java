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
            grantRealmRoles(users + "/" + id, headers, roles);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Creates a confidential client with a service account whose tokens carry the audience Trino requires and live
     * as long as given, and grants its service account these realm roles; returns the client's id.
     */
    String createServiceAccount(String clientId, String secret, java.time.Duration tokenLifespan, List<String> roles) {
        try {
            Map<String, String> headers = headers();
            String realm = keycloak.url() + "/admin/realms/" + keycloak.realm();
            Http.postJson(
                            realm + "/clients",
                            headers,
                            Map.of(
                                    "clientId",
                                    clientId,
                                    "enabled",
                                    true,
                                    "publicClient",
                                    false,
                                    "serviceAccountsEnabled",
                                    true,
                                    "standardFlowEnabled",
                                    false,
                                    "secret",
                                    secret,
                                    "attributes",
                                    Map.of("access.token.lifespan", Long.toString(tokenLifespan.toSeconds())),
                                    "protocolMappers",
                                    List.of(Map.of(
                                            "name",
                                            "cdp-trino audience",
                                            "protocol",
                                            "openid-connect",
                                            "protocolMapper",
                                            "oidc-audience-mapper",
                                            "config",
                                            Map.of(
                                                    "included.client.audience",
                                                    "cdp-trino",
                                                    "access.token.claim",
                                                    "true")))))
                    .requireSuccess("Creating a Keycloak client");
            String id = Http.get(realm + "/clients?clientId=" + Http.encode(clientId), headers)
                    .requireSuccess("Finding a Keycloak client")
                    .json()
                    .get(0)
                    .get("id")
                    .asText();
            String user = Http.get(realm + "/clients/" + id + "/service-account-user", headers)
                    .requireSuccess("Finding a client's service account")
                    .json()
                    .get("id")
                    .asText();
            grantRealmRoles(realm + "/users/" + user, headers, roles);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void deleteClient(String id) {
        try {
            Http.delete(keycloak.url() + "/admin/realms/" + keycloak.realm() + "/clients/" + id, headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void grantRealmRoles(String user, Map<String, String> headers, List<String> roles) throws IOException {
        List<JsonNode> roleRepresentations = new ArrayList<>();
        for (String role : roles) {
            roleRepresentations.add(Http.get(
                            keycloak.url() + "/admin/realms/" + keycloak.realm() + "/roles/" + Http.encode(role),
                            headers)
                    .requireSuccess("Reading realm role " + role)
                    .json());
        }
        if (!roleRepresentations.isEmpty()) {
            Http.postJson(user + "/role-mappings/realm", headers, roleRepresentations)
                    .requireSuccess("Granting realm roles");
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
