package com.monstermart.cdp.ingestion.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.monstermart.cdp.ingestion.testing.IngestionTestResource;
import com.monstermart.cdp.ingestion.testing.Sources;
import com.monstermart.cdp.ingestion.testing.WebhookReceiver;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.RealmUser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The registry API for connector operators: security, CRUD, pause/resume, keys, tests, previews, failing state. */
@QuarkusTest
class SourceResourceTest {
    private static String operatorToken;
    private static String adminToken;
    private static String marketerToken;

    @BeforeAll
    static void tokens() {
        CdpStack stack = CdpStack.get();
        RealmUser operator = stack.createRealmUser("connector-operator");
        operatorToken = stack.accessToken(operator);
        adminToken = stack.accessToken(stack.createRealmUser("admin"));
        marketerToken = stack.accessToken(stack.createRealmUser("marketer"));
    }

    private static RequestSpecification operator() {
        return given().auth().oauth2(operatorToken).contentType("application/json");
    }

    private static String fileSource(String id, Path directory) {
        return """
                {"id": "%s", "kind": "file", "description": "test drops", "files": {"directory": "%s", "pollInterval": "200ms", "stableAfter": "0s",
                  "patterns": [{"glob": "orders-*.csv", "events": [{"type": "track", "event": "Order Completed", "userId": "${customer}",
                    "properties": {"order_id": "${order}", "total": "${total|decimal}"}}]}]},
                 "quality": [{"field": "properties.total", "min": 0}]}
                """.formatted(id, directory);
    }

    @Test
    void withoutATokenIsUnauthorized() {
        given().when().get("/api/ingestion/sources").then().statusCode(401);
        given().contentType("application/json")
                .body("{}")
                .post("/api/ingestion/sources")
                .then()
                .statusCode(401);
    }

    @Test
    void otherRolesAreForbidden() {
        given().auth()
                .oauth2(marketerToken)
                .get("/api/ingestion/sources")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(marketerToken)
                .post("/api/ingestion/sources/x/pause")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(marketerToken)
                .get("/api/ingestion/presets")
                .then()
                .statusCode(403);
    }

    @Test
    void adminsAndOperatorsMayRead() {
        given().auth().oauth2(adminToken).get("/api/ingestion/sources").then().statusCode(200);
        operator().get("/api/ingestion/presets").then().statusCode(200).body("$", hasKey("rees46-events"));
    }

    @Test
    void createReadUpdatePauseResumeDelete(@org.junit.jupiter.api.io.TempDir Path directory) {
        String id = Sources.uniqueId("drops");

        operator()
                .body(fileSource(id, directory))
                .post("/api/ingestion/sources")
                .then()
                .statusCode(201)
                .body("id", equalTo(id))
                .body("kind", equalTo("file"))
                .body("version", equalTo(1))
                .body("desiredState", equalTo("ACTIVE"))
                .body("origin", equalTo("api"))
                .body("definition.files.patterns[0].glob", equalTo("orders-*.csv"))
                .body("status.state", notNullValue())
                .body("writeKey", nullValue());
        operator().get("/api/ingestion/sources").then().statusCode(200).body("id", hasItem(id));
        operator()
                .body(fileSource(id, directory).replace("test drops", "changed"))
                .header("If-Match", "7")
                .put("/api/ingestion/sources/" + id)
                .then()
                .statusCode(409)
                .body("code", equalTo("UNSUPPORTED_OPERATION"))
                .body("message", containsString("changed meanwhile (version 1, not 7)"));
        operator()
                .body(fileSource(id, directory).replace("test drops", "changed"))
                .header("If-Match", "1")
                .put("/api/ingestion/sources/" + id)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("definition.description", equalTo("changed"));
        operator()
                .post("/api/ingestion/sources/" + id + "/pause")
                .then()
                .statusCode(200)
                .body("desiredState", equalTo("PAUSED"));
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> operator()
                                .get("/api/ingestion/sources/" + id + "/status")
                                .path("state"),
                        equalTo("PAUSED")::matches);
        operator()
                .post("/api/ingestion/sources/" + id + "/resume")
                .then()
                .statusCode(200)
                .body("desiredState", equalTo("ACTIVE"));
        await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> operator()
                                .get("/api/ingestion/sources/" + id + "/status")
                                .path("state"),
                        equalTo("RUNNING")::matches);
        operator().delete("/api/ingestion/sources/" + id).then().statusCode(204);
        operator()
                .get("/api/ingestion/sources/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("SOURCE_NOT_FOUND"))
                .body("message", equalTo("No source '%s'; list the sources to see their ids".formatted(id)));
    }

    @Test
    void invalidDefinitionsNameTheField(@org.junit.jupiter.api.io.TempDir Path directory) {
        operator()
                .body("{\"id\": \"Bad Id\", \"kind\": \"http\"}")
                .post("/api/ingestion/sources")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_SOURCE"))
                .body("message", containsString("id: 'Bad Id' is not a source id"));
        operator()
                .body(
                        "{\"id\": \"x1\", \"kind\": \"postgres\", \"database\": {\"host\": \"h\", \"database\": \"d\", \"user\": \"u\"}}")
                .post("/api/ingestion/sources")
                .then()
                .statusCode(400)
                .body("message", containsString("tables: at least one table mapping is required"));
        operator()
                .body(fileSource("x2", directory).replace("${customer}", "${customer|round}"))
                .post("/api/ingestion/sources")
                .then()
                .statusCode(400)
                .body("message", containsString("files.patterns[0].events[0].userId: unknown filter 'round'"));
        operator()
                .body("{\"id\": \"x3\", \"kind\": \"http\", \"colour\": \"blue\"}")
                .post("/api/ingestion/sources")
                .then()
                .statusCode(400)
                .body("message", containsString("unknown field 'colour' at $.colour"));
        operator()
                .body("{\"id\": \"x4\", \"kind\": \"ftp\"}")
                .post("/api/ingestion/sources")
                .then()
                .statusCode(400)
                .body("message", containsString("kind 'ftp' is not http, postgres, mariadb, mysql or file"));
    }

    @Test
    void writeKeysAreShownOnceAndRotate() {
        String id = Sources.uniqueId("web");
        String first = operator()
                .body("{\"id\": \"%s\", \"kind\": \"http\"}".formatted(id))
                .post("/api/ingestion/sources")
                .then()
                .statusCode(201)
                .extract()
                .path("writeKey");
        assertThat(first).hasSize(43);
        operator().get("/api/ingestion/sources/" + id).then().body("$", not(hasKey("writeKey")));
        track(first).then().statusCode(200);

        String second = operator()
                .post("/api/ingestion/sources/" + id + "/write-key")
                .then()
                .statusCode(200)
                .extract()
                .path("writeKey");

        assertThat(second).isNotEqualTo(first);
        track(first).then().statusCode(401);
        track(second).then().statusCode(200);
    }

    private static io.restassured.response.Response track(String writeKey) {
        return given().header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)))
                .body("{\"userId\": \"1\", \"event\": \"Product Viewed\"}")
                .post("/v1/track");
    }

    @Test
    void passwordsNeverLeave() {
        CdpStack stack = CdpStack.get();
        StackEndpoints.Postgres postgres = stack.endpoints().postgres();
        String database = stack.createDatabase("registry_pw");
        new com.monstermart.cdp.ingestion.testing.Sql(postgres.jdbcUrl(database), postgres.user(), postgres.password())
                .execute("CREATE TABLE t (id BIGINT PRIMARY KEY)");
        String id = Sources.uniqueId("pw");
        String body =
                """
                {"id": "%s", "kind": "postgres", "database": {"host": "%s", "port": %d, "database": "%s", "user": "%s", "password": "%s", "snapshot": "no_data"},
                 "tables": {"public.t": {"events": [{"type": "identify", "userId": "${id}"}]}}}
                """.formatted(id, postgres.host(), postgres.port(), database, postgres.user(), postgres.password());
        try {
            operator()
                    .body(body)
                    .post("/api/ingestion/sources")
                    .then()
                    .statusCode(201)
                    .body("definition.database.password", equalTo("********"));
            operator()
                    .post("/api/ingestion/sources/" + id + "/test-connection")
                    .then()
                    .statusCode(200)
                    .body("ok", equalTo(true))
                    .body("checks", hasItem("ok: table public.t exists"));
            // an update that sends the hidden password back keeps the stored one
            operator()
                    .body(body.replace(
                            "\"password\": \"%s\"".formatted(postgres.password()), "\"password\": \"********\""))
                    .put("/api/ingestion/sources/" + id)
                    .then()
                    .statusCode(200);
            operator()
                    .post("/api/ingestion/sources/" + id + "/test-connection")
                    .then()
                    .body("ok", equalTo(true));
        } finally {
            operator().delete("/api/ingestion/sources/" + id).then().statusCode(204);
        }
        assertThat(new com.monstermart.cdp.ingestion.testing.Sql(
                                postgres.jdbcUrl(database), postgres.user(), postgres.password())
                        .count("SELECT count(*) FROM pg_replication_slots WHERE slot_name = 'cdp_"
                                + id.replace('-', '_') + "'"))
                .as("a source deleted right after an update leaves no replication slot behind")
                .isZero();
    }

    @Test
    void testConnectionOfFileSources(@org.junit.jupiter.api.io.TempDir Path directory) throws IOException {
        Files.writeString(directory.resolve("orders-1.csv"), "order,customer,total\n");
        operator()
                .body(fileSource("t1", directory))
                .post("/api/ingestion/sources/test-connection")
                .then()
                .statusCode(200)
                .body("ok", equalTo(true))
                .body("checks[0]", equalTo("ok: %s has 1 files, 1 matching a pattern".formatted(directory)));
        operator()
                .body(fileSource("t2", directory.resolve("missing")))
                .post("/api/ingestion/sources/test-connection")
                .then()
                .statusCode(200)
                .body("ok", equalTo(false))
                .body("checks[0]", containsString("problem: cannot list"));
    }

    @Test
    void previewsAreDryRuns(@org.junit.jupiter.api.io.TempDir Path directory) {
        String id = Sources.uniqueId("preview");
        operator()
                .body(fileSource(id, directory))
                .post("/api/ingestion/sources")
                .then()
                .statusCode(201);
        operator().post("/api/ingestion/sources/" + id + "/pause").then().statusCode(200);

        operator()
                .body(
                        "{\"file\": {\"name\": \"orders-9.csv\", \"content\": \"order,customer,total\\n1,c1,9.99\\n2,c2,-1\\n3,,1\\n\"}}")
                .post("/api/ingestion/sources/" + id + "/preview")
                .then()
                .statusCode(200)
                .body("events.size()", equalTo(1))
                .body("events[0].event", equalTo("Order Completed"))
                .body("events[0].properties.total", equalTo(9.99f))
                .body(
                        "deadLetters.position",
                        org.hamcrest.Matchers.contains("file=orders-9.csv line=3", "file=orders-9.csv line=4"))
                .body("deadLetters[0].reason", equalTo("$.properties.total: must be >= 0 (was -1)"));
        assertThat(directory.resolve("orders-9.csv")).doesNotExist();

        operator()
                .body("""
                        {"source": {"id": "http-preview", "kind": "http"},
                         "http": {"batch": [{"type": "track", "userId": "1", "event": "Product Viewed"}, {"type": "track", "userId": "1"}]}}
                        """)
                .post("/api/ingestion/sources/preview")
                .then()
                .statusCode(200)
                .body("events.size()", equalTo(1))
                .body("deadLetters[0].problems[0].path", equalTo("$.batch[1].event"));
        operator()
                .body("{\"file\": {\"name\": \"other.csv\", \"content\": \"a\\n\"}}")
                .post("/api/ingestion/sources/" + id + "/preview")
                .then()
                .statusCode(400)
                .body("message", equalTo("File name 'other.csv' matches none of the source's patterns"));
    }

    @Test
    void failingSourcesAreMarkedAndOperatorsNotified(@org.junit.jupiter.api.io.TempDir Path directory)
            throws IOException {
        String id = Sources.uniqueId("bad");
        StringBuilder rows = new StringBuilder("order,customer,total\n");
        for (int i = 0; i < 10; i++) {
            rows.append(i).append(",c").append(i).append(",-5\n");
        }
        Files.writeString(directory.resolve("orders-1.csv"), rows);

        operator()
                .body(fileSource(id, directory))
                .post("/api/ingestion/sources")
                .then()
                .statusCode(201);

        await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> operator()
                                .get("/api/ingestion/sources/" + id + "/status")
                                .path("state"),
                        equalTo("FAILING")::matches);
        operator()
                .get("/api/ingestion/sources/" + id + "/status")
                .then()
                .body("deadLetters", equalTo(10))
                .body("events", equalTo(0))
                .body("errorRate", equalTo(1.0f))
                .body("failingSince", notNullValue());
        await().atMost(Duration.ofSeconds(30)).until(() -> WebhookReceiver.received().stream()
                .anyMatch(body -> body.contains(id) && body.contains("\"kind\":\"failing\"")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> CdpStack.get().mailTo(IngestionTestResource.OPERATORS).stream()
                        .anyMatch(mail ->
                                mail.subject().contains(id) && mail.subject().contains("is failing")));
        operator()
                .get("/api/ingestion/sources/" + id + "/dead-letters?limit=3")
                .then()
                .statusCode(200)
                .body("size()", equalTo(3))
                .body("[0].reason", equalTo("$.properties.total: must be >= 0 (was -5)"));
    }

    @Test
    void serviceEndpoints() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/openapi?format=json").then().statusCode(200).body("paths", hasKey("/api/ingestion/sources"));
        given().get("/q/metrics").then().statusCode(200).body(containsString("cdp_ingestion"));
    }
}
