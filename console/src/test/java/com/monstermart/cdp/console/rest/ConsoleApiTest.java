package com.monstermart.cdp.console.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import com.monstermart.cdp.console.Collector;
import com.monstermart.cdp.console.ConsoleStack;
import com.monstermart.cdp.localstack.testing.CdpStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The console's API with bearer tokens of the realm's demo users, against the real ingestion, identity and profile
 * services: screens by role, the services' own refusals passed on, masking and revealing, live sales end to end.
 */
@QuarkusTest
@QuarkusTestResource(ConsoleStack.class)
class ConsoleApiTest {
    private static final Duration PIPELINE = Duration.ofSeconds(120);

    @ConfigProperty(name = "cdp.test.collector-url")
    String collectorUrl;

    @ConfigProperty(name = "cdp.test.write-key")
    String writeKey;

    @Test
    void eachRoleSeesItsScreens() {
        Map<String, List<String>> expected = Map.of(
                "sales-manager", List.of("live-sales"),
                "marketer", List.of("live-sales", "customers"),
                "analyst", List.of("live-sales", "customers"),
                "privacy-officer", List.of("customers"),
                "connector-operator", List.of("operations"),
                "admin", List.of("live-sales", "customers", "operations"));
        expected.forEach((user, screens) -> {
            JsonPath session = as(user).get("/api/console/session")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertThat(session.getList("screens.id", String.class)).as(user).isEqualTo(screens);
            assertThat(session.getString("home")).isEqualTo(screens.getFirst());
            assertThat(session.getString("username")).isEqualTo(user);
        });
        assertThat(as("admin").get("/api/console/session").jsonPath().getList("capabilities", String.class))
                .containsExactly("reveal-personal-data", "read-reviews", "decide-reviews");
        assertThat(as("admin").get("/api/console/session").jsonPath().getList("planned.id", String.class))
                .contains("kpis", "audiences", "privacy");
    }

    @Test
    void withoutASessionScriptsGet499AndBrowsersGoToSignIn() {
        given().redirects()
                .follow(false)
                .header("X-Requested-With", "JavaScript")
                .get("/api/console/session")
                .then()
                .statusCode(499);
        given().redirects()
                .follow(false)
                .get("/")
                .then()
                .statusCode(302)
                .header("Location", containsString("/realms/cdp/protocol/openid-connect/auth"))
                .header("Location", containsString("client_id=cdp-console"))
                .header("Location", containsString("code_challenge_method=S256"));
        given().get("/signed-out.html").then().statusCode(200).body(containsString("You are signed out"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void screensRefuseOtherRolesWithCodeAndMessage() {
        as("connector-operator")
                .get("/api/console/live-sales")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"))
                .body(
                        "message",
                        containsString("The Live sales screen is for admin, analyst, marketer, sales-manager"));
        as("marketer").get("/api/console/operations/sources").then().statusCode(403);
        as("sales-manager")
                .get("/api/console/customers/" + UUID.randomUUID())
                .then()
                .statusCode(403);
    }

    @Test
    void operationsListsTheSourcesAndPassesOnIdentityResolutionsRefusal() {
        as("connector-operator")
                .get("/api/console/operations/sources")
                .then()
                .statusCode(200)
                .body("id", hasItem("shop-web"))
                .body("find { it.id == 'shop-web' }.kind", equalTo("http"))
                .body("find { it.id == 'shop-web' }.state", equalTo("RUNNING"));
        as("connector-operator")
                .get("/api/console/operations/reviews")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"))
                .body("message", startsWith("The identity service does not let your role do this"));
        as("admin").get("/api/console/operations/reviews").then().statusCode(200);
        as("admin")
                .get("/api/console/operations/reviews?limit=0")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        as("admin")
                .get("/api/console/operations/sources/shop-web/dead-letters")
                .then()
                .statusCode(200);
        as("admin")
                .get("/api/console/operations/sources/no-such-source/dead-letters")
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aCustomerIsMaskedUnlessARevealRoleStatesAPurpose() {
        String userId = "console-api-" + UUID.randomUUID().toString().substring(0, 8);
        String email = userId + "@monstermart.example";
        new Collector(collectorUrl, writeKey).identify(userId, email, "Gorgo", "Mask");
        String profileId = await().atMost(PIPELINE)
                .pollInterval(Duration.ofSeconds(2))
                .until(
                        () -> as("analyst")
                                .contentType(ContentType.JSON)
                                .header("X-Requested-With", "JavaScript")
                                .body(Map.of("type", "user_id", "value", userId))
                                .post("/api/console/customers/lookup"),
                        response -> response.statusCode() == 200)
                .jsonPath()
                .getString("profileId");

        JsonPath masked = as("analyst")
                .get("/api/console/customers/" + profileId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(masked.getString("pii")).isEqualTo("masked");
        assertThat(masked.getString("traits.email")).isNotNull().isNotEqualTo(email);

        as("analyst")
                .contentType(ContentType.JSON)
                .header("X-Requested-With", "JavaScript")
                .body(Map.of("purpose", "Answering the customer's own request"))
                .post("/api/console/customers/" + profileId + "/reveal")
                .then()
                .statusCode(403);
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .header("X-Requested-With", "JavaScript")
                .body(Map.of("purpose", " "))
                .post("/api/console/customers/" + profileId + "/reveal")
                .then()
                .statusCode(400)
                .body("code", equalTo("PURPOSE_REQUIRED"));
        as("privacy-officer")
                .contentType(ContentType.JSON)
                .body(Map.of("purpose", "Answering the customer's own request"))
                .post("/api/console/customers/" + profileId + "/reveal")
                .then()
                .statusCode(403)
                .body("message", containsString("X-Requested-With"));
        JsonPath revealed = as("privacy-officer")
                .contentType(ContentType.JSON)
                .header("X-Requested-With", "JavaScript")
                .body(Map.of("purpose", "Answering the customer's own request"))
                .post("/api/console/customers/" + profileId + "/reveal")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(revealed.getString("pii")).isEqualTo("revealed");
        assertThat(revealed.getString("traits.email")).isEqualTo(email);

        as("analyst")
                .contentType(ContentType.JSON)
                .header("X-Requested-With", "JavaScript")
                .body(Map.of("type", "shoe_size", "value", "44"))
                .post("/api/console/customers/lookup")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"));
        as("analyst")
                .get("/api/console/customers/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void aPaidOrderReachesLiveSales() {
        String sku = "SKU-API-" + UUID.randomUUID().toString().substring(0, 8);
        new Collector(collectorUrl, writeKey)
                .orderCompleted("console-api-buyer", "MM-" + sku, sku, "Test slime", "test.console", 3, "4.50");
        await().atMost(PIPELINE).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> as("sales-manager")
                .get("/api/console/live-sales")
                .then()
                .statusCode(200)
                .body("status", equalTo("RUNNING"))
                .body("lastHour.products.find { it.productKey == '%s' }.units".formatted(sku), equalTo(3))
                .body(
                        "lastHour.products.find { it.productKey == '%s' }.category".formatted(sku),
                        equalTo("test.console"))
                .body("lastHour.products.find { it.productKey == '%s' }.revenue.GBP".formatted(sku), equalTo(13.5f)));
    }

    private static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().oauth2(CdpStack.get().accessToken(user, user));
    }
}
