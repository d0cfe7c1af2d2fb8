package com.monstermart.cdp.ingestion.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.MessageIds;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.registry.SourceRegistry;
import com.monstermart.cdp.ingestion.testing.IngestionTestResource;
import com.monstermart.cdp.ingestion.testing.KafkaProbe;
import com.monstermart.cdp.ingestion.testing.SegmentSdk;
import com.monstermart.cdp.ingestion.testing.Sources;
import com.monstermart.cdp.localstack.testing.CdpStackResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The collector against the real Segment SDK for Node.js ({@code @segment/analytics-node}, installed by the build
 * from {@code src/test/segment-sdk}): identify, track, page, screen, group and alias in one batch, then a batch
 * holding two calls the SDK sends but the collector refuses. Every field must reach {@code cdp.raw.events}, the
 * refused calls the source's dead letters, and the SDK must hear which calls were refused.
 */
@QuarkusTest
@QuarkusTestResource(
        value = CdpStackResource.class,
        initArgs = @ResourceArg(name = "components", value = "postgres,kafka,keycloak,mariadb,greenmail"))
@QuarkusTestResource(IngestionTestResource.class)
class SegmentSdkTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The script's timestamps are 2026-01-15T08:00:0<n>Z; the collector corrects them by the clock skew. */
    private static final Instant SCRIPT_TIME = Instant.parse("2026-01-15T08:00:00Z");

    @Inject
    SourceRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cdp.ingestion.kafka.raw-topic")
    String rawTopic;

    @ConfigProperty(name = "cdp.ingestion.kafka.dead-letter-prefix")
    String deadLetterPrefix;

    @TestHTTPResource("/")
    URL root;

    @Test
    void everyCallOfTheNodeSdkArrivesWithEveryFieldAndRefusedCallsAreDeadLettered() throws IOException {
        String sourceId = Sources.uniqueId("sdk");
        SourceSpec spec = SpecJson.readYaml("""
                id: %s
                kind: http
                namespace: shop
                quality:
                  - {field: properties.price, min: 0}
                """.formatted(sourceId), SourceSpec.class, "test");
        String writeKey = registry.create(spec, "test").writeKey().orElseThrow();
        String run = UUID.randomUUID().toString().substring(0, 8);

        String output = SegmentSdk.run(
                "send-calls.mjs",
                Map.of(
                        "CDP_COLLECTOR_URL", "http://127.0.0.1:" + root.getPort(),
                        "CDP_WRITE_KEY", writeKey,
                        "CDP_RUN_ID", run),
                Duration.ofSeconds(120));
        JsonNode report = JSON.readTree(output);

        assertTheSdkHeardWhatWasRefused(report, run);
        Map<String, KafkaProbe.Received> events = rawEvents(sourceId, run);
        assertIdentify(events.get("identify"), run);
        assertTrack(events.get("track"), run);
        assertPage(events.get("page"), run);
        assertScreenBecomesAPage(events.get("screen"), run);
        assertGroup(events.get("group"), run);
        assertAlias(events.get("alias"), run);
        assertThat(events.get("valid").event().properties())
                .containsEntry("product_id", "SKU-2")
                .containsEntry("price", 5L);
        assertRefusedCallsAreDeadLettered(sourceId, run, report.get("requests").get(1));
    }

    /** Two requests, both 200; the second lists its two refused calls; the SDK reports every call delivered. */
    private static void assertTheSdkHeardWhatWasRefused(JsonNode report, String run) throws IOException {
        JsonNode requests = report.get("requests");
        assertThat(requests).as(report.toString()).hasSize(2);
        JsonNode first = requests.get(0);
        assertThat(first.get("url").asText()).endsWith("/v1/batch");
        assertThat(first.get("status").asInt()).isEqualTo(200);
        assertThat(first.get("body").asText()).isEqualTo("{\"success\":true}");
        assertThat(texts(first.get("messageIds")))
                .containsExactlyInAnyOrder(
                        run + "-identify",
                        run + "-track",
                        run + "-page",
                        run + "-screen",
                        run + "-group",
                        run + "-alias");

        JsonNode second = requests.get(1);
        List<String> sent = texts(second.get("messageIds"));
        assertThat(sent).containsExactlyInAnyOrder(run + "-valid", run + "-nobody", run + "-negative");
        assertThat(second.get("status").asInt()).isEqualTo(200);
        JsonNode answer = JSON.readTree(second.get("body").asText());
        assertThat(answer.get("success").asBoolean()).isTrue();
        assertThat(answer.get("accepted").asInt()).isEqualTo(1);
        JsonNode rejected = answer.get("rejected");
        assertThat(rejected).hasSize(2);
        Map<String, String> reasons = new LinkedHashMap<>();
        for (JsonNode call : rejected) {
            int index = call.get("index").asInt();
            assertThat(call.get("messageId").asText()).isEqualTo(sent.get(index));
            assertThat(call.get("errors").get(0).get("path").asText()).startsWith("$.batch[" + index + "].");
            reasons.put(call.get("messageId").asText(), call.get("reason").asText());
        }
        int nobody = sent.indexOf(run + "-nobody");
        int negative = sent.indexOf(run + "-negative");
        assertThat(reasons)
                .containsOnly(
                        Map.entry(
                                run + "-nobody",
                                "$.batch[%d].userId: userId or anonymousId is required".formatted(nobody)),
                        Map.entry(
                                run + "-negative",
                                "$.batch[%d].properties.price: must be >= 0 (was -1)".formatted(negative)));

        assertThat(report.get("errors")).isEmpty();
        assertThat(report.get("outcomes")).hasSize(9);
        for (JsonNode outcome : report.get("outcomes")) {
            assertThat(outcome.get("error").isNull()).as(outcome.toString()).isTrue();
        }
    }

    /** The run's raw events by the name of the script's call (its messageId after the run id). */
    private Map<String, KafkaProbe.Received> rawEvents(String sourceId, String run) {
        try (KafkaProbe probe = new KafkaProbe(bootstrap, rawTopic)) {
            List<KafkaProbe.Received> received = await().atMost(Duration.ofSeconds(30))
                    .until(() -> probe.events(event -> event.sourceId().equals(sourceId)), list -> list.size() >= 7);
            assertThat(received).hasSize(7);
            Map<String, KafkaProbe.Received> byCall = new LinkedHashMap<>();
            for (String call : List.of("identify", "track", "page", "screen", "group", "alias", "valid")) {
                String messageId = MessageIds.derived(sourceId, "http/" + run + "-" + call);
                byCall.put(
                        call,
                        received.stream()
                                .filter(record -> record.event().messageId().equals(messageId))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("No raw event for " + call)));
            }
            return byCall;
        }
    }

    private static void assertIdentify(KafkaProbe.Received record, String run) {
        CanonicalEvent event = record.event();
        assertThat(record.key()).isEqualTo("u-" + run);
        assertThat(record.typeHeader()).isEqualTo("identify");
        assertThat(event.type()).isEqualTo(EventType.IDENTIFY);
        assertThat(event.userId()).contains("u-" + run);
        assertThat(event.anonymousId()).contains("anon-" + run);
        assertSentAt(event, 1);
        assertThat(event.traits())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "email",
                        "grendel." + run + "@example.com",
                        "firstName",
                        "Grendel",
                        "lastName",
                        "Mere",
                        "phone",
                        "+44 20 7946 0000",
                        "address",
                        Map.of(
                                "street", "1 Fen Lane",
                                "city", "Heorot",
                                "postalCode", "HE1 0RT",
                                "country", "DK"),
                        "loyaltyCard",
                        "MM-000042",
                        "age",
                        1043L,
                        "vip",
                        true));
        EventContext context = event.context();
        assertSdkContext(context);
        assertThat(context.ip()).contains("203.0.113.7");
        assertThat(context.locale()).contains("en-GB");
        assertThat(context.campaign().orElseThrow().name()).contains("halloween");
        assertThat(context.campaign().orElseThrow().source()).contains("newsletter");
        assertThat(context.campaign().orElseThrow().medium()).contains("email");
        assertThat(context.extensions()).containsEntry("device", Map.of("id", "dev-" + run, "type", "server"));
        assertThat(event.identifiers())
                .containsExactlyInAnyOrder(
                        IdentifierHint.userId("shop", "u-" + run),
                        IdentifierHint.anonymousId("shop", "anon-" + run),
                        IdentifierHint.email("grendel." + run + "@example.com"),
                        IdentifierHint.phone("+44 20 7946 0000"),
                        IdentifierHint.loyaltyCard("MM-000042"),
                        IdentifierHint.deviceId("dev-" + run));
    }

    private static void assertTrack(KafkaProbe.Received record, String run) {
        CanonicalEvent event = record.event();
        assertThat(event.type()).isEqualTo(EventType.TRACK);
        assertThat(event.event()).contains("Order Completed");
        assertThat(event.userId()).contains("u-" + run);
        assertSentAt(event, 2);
        assertThat(event.properties())
                .containsEntry("order_id", "order-" + run)
                .containsEntry("total", new BigDecimal("39.8"))
                .containsEntry("currency", "EUR")
                .containsEntry("coupon", null)
                .containsEntry(
                        "products",
                        List.of(Map.of(
                                "product_id",
                                "SKU-FUR-BLUE",
                                "name",
                                "Blue fur brush",
                                "price",
                                new BigDecimal("19.9"),
                                "quantity",
                                2L)))
                .hasSize(5);
        assertSdkContext(event.context());
        assertThat(event.context().ip()).contains("127.0.0.1");
        var page = event.context().page().orElseThrow();
        assertThat(page.path()).contains("/checkout/done");
        assertThat(page.url()).contains("https://shop.monstermart.example/checkout/done");
        assertThat(page.referrer()).contains("https://shop.monstermart.example/checkout");
        assertThat(page.title()).contains("Thank you");
        assertThat(page.search()).contains("?step=3");
    }

    private static void assertPage(KafkaProbe.Received record, String run) {
        CanonicalEvent event = record.event();
        assertThat(record.key()).isEqualTo("anon-" + run);
        assertThat(event.type()).isEqualTo(EventType.PAGE);
        assertThat(event.userId()).isEmpty();
        assertThat(event.anonymousId()).contains("anon-" + run);
        assertThat(event.category()).contains("Grooming");
        assertThat(event.name()).contains("Brushes");
        // the SDK copies a page's category into its properties too
        assertThat(event.properties())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "path", "/c/brushes",
                        "url", "https://shop.monstermart.example/c/brushes",
                        "title", "Brushes",
                        "category", "Grooming"));
        assertSentAt(event, 3);
        assertSdkContext(event.context());
    }

    private static void assertScreenBecomesAPage(KafkaProbe.Received record, String run) {
        CanonicalEvent event = record.event();
        assertThat(record.typeHeader()).isEqualTo("page");
        assertThat(event.type()).isEqualTo(EventType.PAGE);
        assertThat(event.userId()).contains("u-" + run);
        assertThat(event.category()).contains("Checkout");
        assertThat(event.name()).contains("Basket");
        assertThat(event.properties()).containsExactlyEntriesOf(Map.of("items", 2L));
        assertSentAt(event, 4);
        assertSdkContext(event.context());
    }

    private static void assertGroup(KafkaProbe.Received record, String run) {
        CanonicalEvent event = record.event();
        assertThat(record.key()).isEqualTo("u-" + run);
        assertThat(record.typeHeader()).isEqualTo("group");
        assertThat(event.type()).isEqualTo(EventType.GROUP);
        assertThat(event.userId()).contains("u-" + run);
        assertThat(event.groupId()).contains("guild-" + run);
        assertThat(event.traits())
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "name", "The Fen Guild",
                        "industry", "Swamp maintenance",
                        "employees", 12L,
                        "plan", "business",
                        "email", "office@fen-guild.example"));
        assertSentAt(event, 5);
        assertSdkContext(event.context());
        // the group's traits describe the group: its email must not become the customer's identifier
        assertThat(event.identifiers()).containsExactly(IdentifierHint.userId("shop", "u-" + run));
    }

    private static void assertAlias(KafkaProbe.Received record, String run) {
        CanonicalEvent event = record.event();
        assertThat(event.type()).isEqualTo(EventType.ALIAS);
        assertThat(event.userId()).contains("u-" + run);
        assertThat(event.previousId()).contains("anon-" + run);
        assertSentAt(event, 6);
        assertSdkContext(event.context());
    }

    /** The dead letters of the second request: the answer's positions, reasons and the calls as sent. */
    private void assertRefusedCallsAreDeadLettered(String sourceId, String run, JsonNode request) throws IOException {
        JsonNode answer = JSON.readTree(request.get("body").asText());
        List<DeadLetter> letters;
        try (KafkaProbe probe = new KafkaProbe(bootstrap, deadLetterPrefix + sourceId)) {
            letters = await().atMost(Duration.ofSeconds(30)).until(probe::deadLetters, list -> list.size() >= 2);
        }
        assertThat(letters).hasSize(2);
        List<String> requestIds = new ArrayList<>();
        for (JsonNode rejected : answer.get("rejected")) {
            String index = "index=" + rejected.get("index").asInt();
            DeadLetter letter = letters.stream()
                    .filter(candidate -> candidate.position().endsWith(" " + index))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("No dead letter at " + index));
            assertThat(letter.source()).isEqualTo(sourceId);
            assertThat(letter.reason()).isEqualTo(rejected.get("reason").asText());
            JsonNode payload = JSON.readTree(letter.payload());
            assertThat(payload.get("messageId").asText())
                    .isEqualTo(rejected.get("messageId").asText());
            assertThat(payload.get("messageId").asText()).startsWith(run + "-");
            requestIds.add(letter.position().substring(0, letter.position().indexOf(' ')));
        }
        assertThat(requestIds).hasSize(2).allMatch(id -> id.equals(requestIds.getFirst()));
    }

    /** Sent at the time the script gave (the collector corrects the client's clock by the skew: seconds at most). */
    private static void assertSentAt(CanonicalEvent event, int second) {
        assertThat(Duration.between(SCRIPT_TIME.plusSeconds(second), event.timestamp())
                        .abs())
                .isLessThan(Duration.ofSeconds(10));
        assertThat(event.sentAt()).isPresent();
        assertThat(event.receivedAt()).isAfter(Instant.now().minus(Duration.ofMinutes(5)));
    }

    /** What the SDK and the collector add to every call's context. */
    private static void assertSdkContext(EventContext context) {
        assertThat(context.library().orElseThrow().name()).isEqualTo("@segment/analytics-node");
        assertThat(context.library().orElseThrow().version()).isEqualTo("3.1.0");
        assertThat(context.userAgent()).contains("analytics-node-next/latest");
        assertThat(context.source().kind()).isEqualTo(SourceKind.HTTP);
        assertThat(context.source().position()).matches("request=\\S+ index=\\d+");
        assertThat(context.gpc()).isFalse();
        assertThat(context.extensions()).doesNotContainKeys("_metadata", "integrations");
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
