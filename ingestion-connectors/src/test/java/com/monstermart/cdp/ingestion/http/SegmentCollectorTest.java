package com.monstermart.cdp.ingestion.http;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.ingestion.core.HttpSpec;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.registry.SourceRegistry;
import com.monstermart.cdp.ingestion.testing.IngestionTestResource;
import com.monstermart.cdp.ingestion.testing.KafkaProbe;
import com.monstermart.cdp.ingestion.testing.Sources;
import com.monstermart.cdp.localstack.testing.CdpStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The Segment-compatible collector, wire by wire: success, every error path, GPC, gzip, short paths. */
@QuarkusTest
@QuarkusTestResource(
        value = CdpStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,keycloak,mariadb,greenmail"))
@QuarkusTestResource(IngestionTestResource.class)
class SegmentCollectorTest {
    private static KafkaProbe raw;

    @Inject
    SourceRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cdp.ingestion.kafka.raw-topic")
    String rawTopic;

    @ConfigProperty(name = "cdp.ingestion.kafka.dead-letter-prefix")
    String deadLetterPrefix;

    private record Source(String id, String writeKey) {
        String basic() {
            return "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
        }
    }

    private Source source() {
        String id = Sources.uniqueId("web");
        SourceSpec spec = SpecJson.readYaml("""
                id: %s
                kind: http
                namespace: shop
                quality:
                  - {field: properties.price, min: 0}
                """.formatted(id), SourceSpec.class, "test");
        SourceRegistry.Saved saved = registry.create(spec, "test");
        return new Source(id, saved.writeKey().orElseThrow());
    }

    private KafkaProbe raw() {
        if (raw == null) {
            raw = new KafkaProbe(bootstrap, rawTopic);
        }
        return raw;
    }

    @AfterAll
    static void closeProbe() {
        if (raw != null) {
            raw.close();
        }
    }

    private List<CanonicalEvent> awaitEvents(String sourceId, int count) {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> raw().eventsOf(sourceId).size() >= count);
        return raw().eventsOf(sourceId);
    }

    private List<DeadLetter> awaitDeadLetters(String sourceId, int count) {
        try (KafkaProbe probe = new KafkaProbe(bootstrap, deadLetterPrefix + sourceId)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.deadLetters().size() >= count);
            return probe.deadLetters();
        }
    }

    @Test
    void trackReachesTheRawTopicKeyedByUser() {
        Source source = source();

        given().header("Authorization", source.basic())
                .contentType("application/json")
                .header("User-Agent", "analytics-python/2.3.3")
                .body("""
                        {"userId": "42", "event": "Product Added", "messageId": "m-1",
                         "timestamp": "2026-11-21T10:15:30.123Z",
                         "properties": {"product_id": "SKU-1", "price": 19.90, "quantity": 2},
                         "context": {"page": {"url": "https://shop.example/p/1"}, "traits": {"email": "grendel@example.com"}}}
                        """)
                .when()
                .post("/v1/track")
                .then()
                .statusCode(200)
                .body(equalTo("{\"success\":true}"));

        List<KafkaProbe.Received> received = await().atMost(Duration.ofSeconds(30))
                .until(() -> raw().events(event -> event.sourceId().equals(source.id())), list -> list.size() == 1);
        KafkaProbe.Received record = received.getFirst();
        CanonicalEvent event = record.event();
        assertThat(record.key()).isEqualTo("42");
        assertThat(record.typeHeader()).isEqualTo("track");
        assertThat(event.type()).isEqualTo(EventType.TRACK);
        assertThat(event.event()).contains("Product Added");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-21T10:15:30.123Z"));
        assertThat(event.messageId()).isEqualTo(com.monstermart.cdp.event.MessageIds.derived(source.id(), "http/m-1"));
        assertThat(event.context().source().kind()).isEqualTo(SourceKind.HTTP);
        assertThat(event.context().source().position()).startsWith("request=").endsWith("index=0");
        assertThat(event.context().userAgent()).contains("analytics-python/2.3.3");
        assertThat(event.context().ip()).contains("127.0.0.1");
        assertThat(event.context().gpc()).isFalse();
        assertThat(event.context().page().orElseThrow().url()).contains("https://shop.example/p/1");
        assertThat(event.identifiers())
                .contains(IdentifierHint.userId("shop", "42"), IdentifierHint.email("grendel@example.com"));
    }

    @Test
    void globalPrivacyControlIsRecorded() {
        Source source = source();

        given().header("Authorization", source.basic())
                .header("Sec-GPC", "1")
                .contentType("application/json")
                .body("{\"anonymousId\": \"a-1\", \"traits\": {\"email\": \"x@example.com\"}}")
                .post("/v1/identify")
                .then()
                .statusCode(200);

        CanonicalEvent event = awaitEvents(source.id(), 1).getFirst();
        assertThat(event.type()).isEqualTo(EventType.IDENTIFY);
        assertThat(event.context().gpc()).isTrue();
    }

    @Test
    void batchMergesContextAndCorrectsClockSkew() {
        Source source = source();

        given().contentType("text/plain")
                .body("""
                        {"writeKey": "%s", "sentAt": "2026-11-21T10:00:10Z", "context": {"library": {"name": "analytics.js", "version": "5.2.0"}, "locale": "en-GB"},
                         "batch": [
                           {"type": "page", "anonymousId": "a-1", "name": "Home", "timestamp": "2026-11-21T10:00:00Z", "messageId": "b-1"},
                           {"type": "screen", "userId": "7", "name": "Cart", "messageId": "b-2"},
                           {"type": "alias", "userId": "7", "previousId": "a-1", "messageId": "b-3", "context": {"locale": "fr-FR"}}
                         ]}
                        """.formatted(source.writeKey()))
                .post("/v1/batch")
                .then()
                .statusCode(200)
                .body("success", equalTo(true));

        List<CanonicalEvent> events = awaitEvents(source.id(), 3);
        assertThat(events)
                .extracting(CanonicalEvent::type)
                .containsExactlyInAnyOrder(EventType.PAGE, EventType.PAGE, EventType.ALIAS);
        CanonicalEvent page = events.stream()
                .filter(event -> event.name().equals(java.util.Optional.of("Home")))
                .findFirst()
                .orElseThrow();
        assertThat(page.context().library().orElseThrow().name()).isEqualTo("analytics.js");
        assertThat(page.context().locale()).contains("en-GB");
        assertThat(Duration.between(page.timestamp(), page.receivedAt()))
                .isBetween(Duration.ofSeconds(9), Duration.ofSeconds(15));
        CanonicalEvent alias = events.stream()
                .filter(event -> event.type() == EventType.ALIAS)
                .findFirst()
                .orElseThrow();
        assertThat(alias.context().locale()).contains("fr-FR");
        assertThat(alias.previousId()).contains("a-1");
    }

    @Test
    void shortPathsGzipAndImport() throws IOException {
        Source source = source();
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write("{\"batch\": [{\"type\": \"track\", \"userId\": \"1\", \"event\": \"Cart Viewed\"}]}"
                    .getBytes(StandardCharsets.UTF_8));
        }

        given().header("Authorization", source.basic())
                .body("{\"userId\": \"1\", \"event\": \"Product Viewed\"}")
                .post("/v1/t")
                .then()
                .statusCode(200);
        given().header("Authorization", source.basic())
                .header("Content-Encoding", "gzip")
                .contentType("application/json")
                .body(gzipped.toByteArray())
                .post("/v1/import")
                .then()
                .statusCode(200);

        assertThat(awaitEvents(source.id(), 2))
                .extracting(event -> event.event().orElseThrow())
                .containsExactlyInAnyOrder("Product Viewed", "Cart Viewed");
    }

    @Test
    void retriesOfOneMessageKeepTheirId() {
        Source source = source();
        String body = "{\"userId\": \"9\", \"event\": \"Order Completed\", \"messageId\": \"retry-me\"}";

        for (int i = 0; i < 2; i++) {
            given().header("Authorization", source.basic())
                    .body(body)
                    .post("/v1/track")
                    .then()
                    .statusCode(200);
        }

        List<CanonicalEvent> events = awaitEvents(source.id(), 2);
        assertThat(events)
                .extracting(CanonicalEvent::messageId)
                .containsOnly(events.getFirst().messageId());
    }

    @Test
    void unknownOrMissingWriteKeysAreUnauthorized() {
        given().header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("nope:".getBytes(StandardCharsets.UTF_8)))
                .body("{\"userId\": \"1\", \"event\": \"x\"}")
                .post("/v1/track")
                .then()
                .statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"))
                .body("success", equalTo(false))
                .body("code", equalTo("UNKNOWN_WRITE_KEY"));
        given().body("{\"userId\": \"1\", \"event\": \"x\"}")
                .post("/v1/track")
                .then()
                .statusCode(401)
                .body("message", containsString("no write key"));
    }

    @Test
    void malformedJsonIsRejectedAndKept() {
        Source source = source();

        given().header("Authorization", source.basic())
                .body("{\"userId\": \"1\",, }")
                .post("/v1/track")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_EVENT"))
                .body("message", containsString("$: malformed JSON at line 1, column 16"));

        DeadLetter letter = awaitDeadLetters(source.id(), 1).getFirst();
        assertThat(letter.payload()).isEqualTo("{\"userId\": \"1\",, }");
        assertThat(letter.position()).startsWith("request=");
    }

    @Test
    void missingFieldsAreNamed() {
        Source source = source();

        given().header("Authorization", source.basic())
                .body("{\"event\": \"Product Viewed\"}")
                .post("/v1/track")
                .then()
                .statusCode(400)
                .body("errors.path", hasItem("$.userId"))
                .body("message", equalTo("$.userId: userId or anonymousId is required"));
        given().header("Authorization", source.basic())
                .body("{\"userId\": \"1\"}")
                .post("/v1/track")
                .then()
                .statusCode(400)
                .body("message", equalTo("$.event: is required for track events"));
        given().header("Authorization", source.basic())
                .body("{\"userId\": \"1\", \"event\": \"x\", \"properties\": {\"price\": -1}}")
                .post("/v1/track")
                .then()
                .statusCode(400)
                .body("message", equalTo("$.properties.price: must be >= 0 (was -1)"));
        given().header("Authorization", source.basic())
                .body("{\"userId\": \"1\", \"groupId\": \"g\"}")
                .post("/v1/group")
                .then()
                .statusCode(400)
                .body("message", containsString("group calls are not supported"));

        assertThat(awaitDeadLetters(source.id(), 4)).hasSize(4);
    }

    @Test
    void aBadEventInABatchKeepsTheGoodOnes() {
        Source source = source();

        given().header("Authorization", source.basic())
                .body("""
                        {"batch": [
                          {"type": "track", "userId": "1", "event": "Product Viewed"},
                          {"type": "track", "userId": "1"},
                          {"type": "group", "userId": "1"}
                        ]}
                        """)
                .post("/v1/batch")
                .then()
                .statusCode(400)
                .body("accepted", equalTo(1))
                .body("errors.path", org.hamcrest.Matchers.contains("$.batch[1].event", "$.batch[2].type"));

        assertThat(awaitEvents(source.id(), 1)).hasSize(1);
        assertThat(awaitDeadLetters(source.id(), 2))
                .extracting(DeadLetter::position)
                .allSatisfy(position -> assertThat(position).matches("request=.* index=[12]"));
    }

    @Test
    void oversizeCallsAre413() {
        Source source = source();
        String big = "x".repeat(33 * 1024);

        given().header("Authorization", source.basic())
                .body("{\"userId\": \"1\", \"event\": \"x\", \"properties\": {\"blob\": \"" + big + "\"}}")
                .post("/v1/track")
                .then()
                .statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 20; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\": \"track\", \"userId\": \"1\", \"event\": \"x\", \"properties\": {\"blob\": \"")
                    .append("y".repeat(30 * 1024))
                    .append("\"}}");
        }
        given().header("Authorization", source.basic())
                .body(batch.append("]}").toString())
                .post("/v1/batch")
                .then()
                .statusCode(413);
        given().header("Authorization", source.basic())
                .body("{\"batch\": [{\"type\": \"track\", \"userId\": \"1\", \"event\": \"ok\"},"
                        + "{\"type\": \"track\", \"userId\": \"1\", \"event\": \"x\", \"properties\": {\"blob\": \""
                        + big + "\"}}]}")
                .post("/v1/batch")
                .then()
                .statusCode(413)
                .body("accepted", equalTo(1))
                .body("errors[0].path", equalTo("$.batch[1]"));
    }

    @Test
    void pausedSourcesAnswer503UntilResumed() {
        Source source = source();
        registry.pause(source.id(), "test");

        given().header("Authorization", source.basic())
                .body("{\"userId\": \"1\", \"event\": \"x\"}")
                .post("/v1/track")
                .then()
                .statusCode(503)
                .header("Retry-After", "60")
                .body("code", equalTo("SOURCE_PAUSED"));

        registry.resume(source.id(), "test");
        given().header("Authorization", source.basic())
                .body("{\"userId\": \"1\", \"event\": \"x\"}")
                .post("/v1/track")
                .then()
                .statusCode(200);
    }

    @Test
    void unknownCallsAre404() {
        given().body("{}").post("/v1/subscribe").then().statusCode(404).body("code", equalTo("UNKNOWN_CALL"));
    }

    @Test
    void aSourceCreatedWithAGivenKeyUsesIt() {
        String id = Sources.uniqueId("web");
        registry.create(
                new SourceSpec(
                        id,
                        SourceKind.HTTP,
                        null,
                        null,
                        null,
                        null,
                        new HttpSpec("my-own-key-" + id),
                        null,
                        null,
                        null),
                "test");

        given().header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString(("my-own-key-" + id + ":").getBytes(StandardCharsets.UTF_8)))
                .body("{\"userId\": \"1\", \"event\": \"x\"}")
                .post("/v1/track")
                .then()
                .statusCode(200);
    }
}
