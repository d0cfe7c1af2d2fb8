package com.monstermart.cdp.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.monstermart.cdp.localstack.Http;
import com.monstermart.cdp.localstack.StackEndpoints;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@WithCdpStack("keycloak")
class KeycloakTokenTest {
    @ParameterizedTest
    @ValueSource(strings = {"marketer", "privacy-officer", "analyst", "connector-operator", "sales-manager"})
    void demoUserTokenCarriesItsRoleForTheApi(String role, CdpStack stack) throws Exception {
        JsonNode claims = claims(stack.accessToken(role, role));
        assertThat(claims.path("iss").asText())
                .isEqualTo(stack.endpoints().keycloak().issuer());
        assertThat(strings(claims.path("aud"))).contains("cdp-api");
        assertThat(strings(claims.path("realm_access").path("roles"))).contains(role);
    }

    @Test
    void adminHoldsEveryRole(CdpStack stack) throws Exception {
        assertThat(strings(claims(stack.accessToken("admin", "admin"))
                        .path("realm_access")
                        .path("roles")))
                .contains("admin", "marketer", "privacy-officer", "analyst", "connector-operator", "sales-manager");
    }

    @Test
    void userCreatedForATestGetsExactlyItsRoles(CdpStack stack) throws Exception {
        RealmUser user = stack.createRealmUser("analyst");
        List<String> roles =
                strings(claims(stack.accessToken(user)).path("realm_access").path("roles"));
        assertThat(roles).contains("analyst").doesNotContain("marketer", "admin");
    }

    @Test
    void serviceAccountMayManageUsers(CdpStack stack) throws Exception {
        StackEndpoints.Keycloak keycloak = stack.endpoints().keycloak();
        String token = Http.postForm(
                        keycloak.tokenUrl(),
                        Map.of(
                                "grant_type", "client_credentials",
                                "client_id", keycloak.serviceClientId(),
                                "client_secret", keycloak.serviceClientSecret()))
                .requireSuccess("token")
                .json()
                .get("access_token")
                .asText();
        Http.Response users = Http.get(
                keycloak.url() + "/admin/realms/cdp/users?username=marketer&exact=true",
                Map.of("Authorization", "Bearer " + token));
        assertThat(users.status()).isEqualTo(200);
        assertThat(users.json().get(0).path("username").asText()).isEqualTo("marketer");
    }

    static JsonNode claims(String token) throws Exception {
        return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asText()));
        } else if (!node.isMissingNode()) {
            values.add(node.asText());
        }
        return values;
    }
}
