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

        given().header("Authorization", source.basic())
                .body("{\"batch\": [{\"type\": \"screen\", \"userId\": \"1\", \"name\": \"Basket\"}]}")
                .post("/v1/import/")
                .then()
                .statusCode(200);
        given().header("Authorization", source.basic())
                .body("{\"userId\": \"1\", \"groupId\": \"g-1\"}")
                .post("/v1/g")
                .then()
                .statusCode(200);

        assertThat(awaitEvents(source.id(), 4))
                .extracting(event -> event.event().or(event::name).orElseGet(() -> event.groupId()
                        .orElseThrow()))
                .containsExactlyInAnyOrder("Product Viewed", "Cart Viewed", "Basket", "g-1");
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
                .body("{\"userId\": \"1\", \"traits\": {\"name\": \"Guild\"}}")
                .post("/v1/group")
                .then()
                .statusCode(400)
                .body("message", equalTo("$.groupId: is required for group events"));

        assertThat(awaitDeadLetters(source.id(), 4)).hasSize(4);
    }

    @Test
    void groupKeepsItsGroupIdAndTraitsWithoutTakingThemForTheCustomers() {
        Source source = source();

        given().header("Authorization", source.basic())
                .body("""
                        {"userId": "42", "groupId": "guild-7", "messageId": "g-1",
                         "traits": {"name": "The Fen Guild", "employees": 12, "email": "office@guild.example"},
                         "context": {"traits": {"email": "grendel@example.com"}}}
                        """)
                .post("/v1/group")
                .then()
                .statusCode(200)
                .body(equalTo("{\"success\":true}"));
        given().header("Authorization", source.basic())
                .body("{\"anonymousId\": \"a-9\", \"groupId\": 7}")
                .post("/v1/g")
                .then()
                .statusCode(200);

        List<KafkaProbe.Received> received = await().atMost(Duration.ofSeconds(30))
                .until(() -> raw().events(event -> event.sourceId().equals(source.id())), list -> list.size() == 2);
        KafkaProbe.Received named = received.stream()
                .filter(record -> record.event().userId().isPresent())
                .findFirst()
                .orElseThrow();
        CanonicalEvent group = named.event();
        assertThat(named.typeHeader()).isEqualTo("group");
        assertThat(named.key()).isEqualTo("42");
        assertThat(group.type()).isEqualTo(EventType.GROUP);
        assertThat(group.groupId()).contains("guild-7");
        assertThat(group.messageId()).isEqualTo(com.monstermart.cdp.event.MessageIds.derived(source.id(), "http/g-1"));
        assertThat(group.traits())
                .containsEntry("name", "The Fen Guild")
                .containsEntry("employees", 12L)
                .containsEntry("email", "office@guild.example");
        assertThat(group.identifiers())
                .containsExactly(IdentifierHint.userId("shop", "42"), IdentifierHint.email("grendel@example.com"));
        CanonicalEvent anonymous = received.stream()
                .map(KafkaProbe.Received::event)
                .filter(event -> event.anonymousId().isPresent())
                .findFirst()
                .orElseThrow();
        assertThat(anonymous.groupId()).contains("7");
        assertThat(anonymous.identifiers()).containsExactly(IdentifierHint.anonymousId("shop", "a-9"));
    }

    @Test
    void aBadEventInABatchKeepsTheGoodOnes() {
        Source source = source();

        given().header("Authorization", source.basic())
                .header("X-Request-Id", "mixed-batch")
                .body("""
                        {"batch": [
                          {"type": "track", "userId": "1", "event": "Product Viewed"},
                          {"type": "track", "userId": "1", "messageId": "no-name"},
                          {"type": "group", "userId": "1", "messageId": "no-group"},
                          {"type": "group", "userId": "1", "groupId": "g-1"},
                          {"type": "subscribe", "userId": "1", "messageId": 17},
                          "not an object"
                        ]}
                        """)
                .post("/v1/batch")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("accepted", equalTo(2))
                .body("rejected.index", org.hamcrest.Matchers.contains(1, 2, 4, 5))
                .body("rejected[0].messageId", equalTo("no-name"))
                .body("rejected[0].reason", equalTo("$.batch[1].event: is required for track events"))
                .body("rejected[0].errors[0].path", equalTo("$.batch[1].event"))
                .body("rejected[1].messageId", equalTo("no-group"))
                .body("rejected[1].reason", equalTo("$.batch[2].groupId: is required for group events"))
                .body("rejected[2].messageId", org.hamcrest.Matchers.nullValue())
                .body(
                        "rejected[2].reason",
                        equalTo("$.batch[4].type: 'subscribe' is not supported; use identify, track, page, screen,"
                                + " group or alias (and 1 more problems)"))
                .body("rejected[3].reason", equalTo("$.batch[5]: must be a JSON object"));

        assertThat(awaitEvents(source.id(), 2))
                .extracting(CanonicalEvent::type)
                .containsExactlyInAnyOrder(EventType.TRACK, EventType.GROUP);
        List<DeadLetter> letters = awaitDeadLetters(source.id(), 4);
        assertThat(letters)
                .extracting(DeadLetter::position)
                .containsExactlyInAnyOrder(
                        "request=mixed-batch index=1",
                        "request=mixed-batch index=2",
                        "request=mixed-batch index=4",
                        "request=mixed-batch index=5");
        assertThat(letters)
                .filteredOn(letter -> letter.position().endsWith("index=2"))
                .singleElement()
                .satisfies(letter -> {
                    assertThat(letter.reason()).isEqualTo("$.batch[2].groupId: is required for group events");
                    assertThat(letter.payload()).contains("\"messageId\":\"no-group\"");
                });
    }

    @Test
    void aBatchOfOnlyInvalidCallsIsAnsweredAndKept() {
        Source source = source();

        given().header("Authorization", source.basic())
                .body("""
                        {"batch": [
                          {"type": "track", "userId": "1", "messageId": "a"},
                          {"type": "alias", "userId": "1", "messageId": "b"}
                        ]}
                        """)
                .post("/v1/batch")
                .then()
                .statusCode(200)
                .body("success", equalTo(true))
                .body("accepted", equalTo(0))
                .body("rejected.messageId", org.hamcrest.Matchers.contains("a", "b"))
                .body("rejected[1].reason", equalTo("$.batch[1].previousId: is required for alias events"));

        assertThat(awaitDeadLetters(source.id(), 2)).hasSize(2);
        assertThat(raw().eventsOf(source.id())).isEmpty();
    }

    @Test
    void aBodyThatIsNoBatchIs400() {
        Source source = source();

        given().header("Authorization", source.basic())
                .body("{\"batch\": {\"type\": \"track\"}}")
                .post("/v1/batch")
                .then()
                .statusCode(400)
                .body("success", equalTo(false))
                .body("code", equalTo("INVALID_EVENT"))
                .body("message", equalTo("$.batch: must be an array of events"));

        assertThat(awaitDeadLetters(source.id(), 1).getFirst().payload()).contains("\"batch\"");
    }

    @Test
    void oversizeCallsAre413() {
        Source source = source();
        String big = "x".repeat(33 * 1024);

        String call = "{\"userId\": \"1\", \"event\": \"x\", \"properties\": {\"blob\": \"" + big + "\"}}";
        given().header("Authorization", source.basic())
                .body(call)
                .post("/v1/track")
                .then()
                .statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body(
                        "message",
                        equalTo(
                                "The call has %d bytes; a call may have at most 32768 bytes (32 KB, Segment's limit per call)"
                                        .formatted(call.length())));
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        for (int i = 0; i < 20; i++) {
            batch.append(i == 0 ? "" : ",")
                    .append("{\"type\": \"track\", \"userId\": \"1\", \"event\": \"x\", \"properties\": {\"blob\": \"")
                    .append("y".repeat(30 * 1024))
                    .append("\"}}");
        }
        String tooLarge = batch.append("]}").toString();
        given().header("Authorization", source.basic())
                .body(tooLarge)
                .post("/v1/batch")
                .then()
                .statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"))
                .body(
                        "message",
                        equalTo(("The batch request has %d bytes; a batch may have at most 512000 bytes (500 KB,"
                                        + " Segment's limit per batch request); send fewer calls per batch")
                                .formatted(tooLarge.length())));
        given().header("Authorization", source.basic())
                .body("{\"batch\": [{\"type\": \"track\", \"userId\": \"1\", \"event\": \"ok\"},"
                        + "{\"type\": \"track\", \"userId\": \"1\", \"event\": \"x\", \"messageId\": \"big\","
                        + " \"properties\": {\"blob\": \"" + big + "\"}}]}")
                .post("/v1/batch")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected[0].index", equalTo(1))
                .body("rejected[0].messageId", equalTo("big"))
                .body("rejected[0].errors[0].path", equalTo("$.batch[1]"))
                .body(
                        "rejected[0].reason",
                        org.hamcrest.Matchers.matchesPattern(
                                "\\$\\.batch\\[1\\]: has \\d+ bytes; a call may have at most 32768 bytes \\(32 KB,"
                                        + " Segment's limit per call\\)"));

        assertThat(awaitEvents(source.id(), 1))
                .extracting(event -> event.event().orElseThrow())
                .containsExactly("ok");
        assertThat(awaitDeadLetters(source.id(), 1).getFirst().payload()).contains(big);
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
