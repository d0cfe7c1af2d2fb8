package com.monstermart.cdp.identity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EcommerceEvents;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.event.SourceRef;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.RealmUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From raw events in Kafka to resolved events and identity changes, and the REST API, on the real servers. */
@QuarkusTest
@QuarkusTestResource(IdentityTestResource.class)
class IdentityServiceTest {
    private static final SourceRef SHOP = new SourceRef("shop-web", SourceKind.HTTP, "test");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cdp.identity.kafka.raw-topic")
    String rawTopic;

    @ConfigProperty(name = "cdp.identity.kafka.resolved-topic")
    String resolvedTopic;

    @ConfigProperty(name = "cdp.identity.kafka.changes-topic")
    String changesTopic;

    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> received = new ArrayList<>();

    @BeforeEach
    void connect() {
        Properties producerProperties = new Properties();
        producerProperties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        producer = new KafkaProducer<>(producerProperties, new StringSerializer(), new ByteArraySerializer());
        Properties consumerProperties = new Properties();
        consumerProperties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        consumerProperties.put(ConsumerConfig.GROUP_ID_CONFIG, "identity-test-reader-" + UUID.randomUUID());
        consumerProperties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(consumerProperties, new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(resolvedTopic, changesTopic));
    }

    @AfterEach
    void disconnect() {
        producer.close();
        consumer.close();
    }

    private void send(CanonicalEvent event) throws Exception {
        producer.send(new ProducerRecord<>(rawTopic, event.messageId(), EventJson.toBytes(event)))
                .get();
    }

    private JsonNode resolved(String messageId) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return find(messageId) != null;
        });
        return find(messageId);
    }

    private JsonNode find(String messageId) {
        for (ConsumerRecord<String, byte[]> record : received) {
            if (record.topic().equals(resolvedTopic)) {
                JsonNode node = EventJson.parse(record.value());
                if (node.path("messageId").asText().equals(messageId)) {
                    return node;
                }
            }
        }
        return null;
    }

    private static CanonicalEvent.Builder event(EventType type, String messageId) {
        return CanonicalEvent.builder(type)
                .messageId(messageId)
                .timestamp(Instant.parse("2026-11-01T10:00:00Z"))
                .context(EventContext.builder(SHOP).ip("203.0.113.9").build());
    }

    private static String token(String role) {
        CdpStack stack = CdpStack.get();
        RealmUser user = stack.createRealmUser(role);
        return stack.accessToken(user);
    }

    @Test
    void rawEventsBecomeResolvedEventsWithEncryptedPiiAndTheApiExplainsAndUnmerges() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String email = "Ann." + suffix + "@Shop.example";
        CanonicalEvent identify = event(EventType.IDENTIFY, "m-identify-" + suffix)
                .userId("u-" + suffix)
                .anonymousId("a-" + suffix)
                .trait("email", email)
                .trait("firstName", "Ann")
                .trait("address", Map.of("city", "Springfield", "postalCode", "12345"))
                .identifier(IdentifierHint.userId("shop", "u-" + suffix))
                .identifier(IdentifierHint.anonymousId("shop", "a-" + suffix))
                .identifier(IdentifierHint.email(email))
                .build();
        CanonicalEvent view = event(EventType.TRACK, "m-view-" + suffix)
                .anonymousId("a-" + suffix)
                .event(EcommerceEvents.PRODUCT_VIEWED)
                .property("product_id", "SKU-1")
                .identifier(IdentifierHint.anonymousId("shop", "a-" + suffix))
                .build();
        CanonicalEvent store = event(EventType.TRACK, "m-store-" + suffix)
                .userId("pos-guest")
                .event(EcommerceEvents.ORDER_COMPLETED)
                .identifier(IdentifierHint.email(email.toLowerCase(java.util.Locale.ROOT)))
                .identifier(IdentifierHint.deviceId("pos-terminal-" + suffix))
                .build();
        send(identify);
        send(view);
        send(store);

        JsonNode first = resolved(identify.messageId());
        JsonNode second = resolved(view.messageId());
        JsonNode third = resolved(store.messageId());
        String profileId = first.path("profileId").asText();
        assertThat(second.path("profileId").asText()).isEqualTo(profileId);
        assertThat(third.path("profileId").asText()).isEqualTo(profileId);
        assertThat(first.path("traits").path("email").asText()).startsWith("v1.");
        assertThat(first.path("traits").path("firstName").asText()).startsWith("v1.");
        assertThat(first.path("traits").path("address").path("city").asText()).startsWith("v1.");
        assertThat(first.path("context").path("ip").asText()).startsWith("v1.");
        for (ConsumerRecord<String, byte[]> record : received) {
            String text = new String(record.value(), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
            assertThat(text)
                    .doesNotContain(email.toLowerCase(java.util.Locale.ROOT))
                    .doesNotContain("springfield");
        }
        JsonNode emailHint = null;
        for (JsonNode hint : first.path("identifiers")) {
            if (hint.path("type").asText().equals("email")) {
                emailHint = hint;
            }
        }
        assertThat(emailHint).isNotNull();
        assertThat(emailHint.path("value").asText()).hasSize(22);
        assertThat(EventJson.fromTree(first).messageId()).isEqualTo(identify.messageId());

        String admin = token("admin");
        given().contentType(ContentType.JSON)
                .body(Map.of("type", "email", "value", " " + email + " "))
                .post("/identity/lookup")
                .then()
                .statusCode(401);
        given().auth()
                .oauth2(token("analyst"))
                .contentType(ContentType.JSON)
                .body(Map.of("type", "email", "value", email))
                .post("/identity/lookup")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "email", "value", " " + email + " "))
                .post("/identity/lookup")
                .then()
                .statusCode(200)
                .body("profileId", equalTo(profileId))
                .body("identifiers", hasSize(4));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "from", Map.of("type", "user_id", "namespace", "shop", "value", "u-" + suffix),
                        "to", Map.of("type", "device_id", "value", "pos-terminal-" + suffix)))
                .post("/identity/explain")
                .then()
                .statusCode(200)
                .body("profileId", equalTo(profileId))
                .body("path", hasSize(2))
                .body("path[1].messageId", equalTo(store.messageId()));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "email", "value", "not-an-email"))
                .post("/identity/lookup")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_IDENTIFIER"))
                .body("message", equalTo("The email is not an email address (local@domain.tld)"));

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "identifiers",
                        List.of(Map.of("type", "device_id", "value", "pos-terminal-" + suffix)),
                        "reason",
                        "shared terminal"))
                .post("/identity/profiles/" + profileId + "/unmerge")
                .then()
                .statusCode(200)
                .body("profileId", equalTo(profileId))
                .body("profiles", hasSize(2));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            return received.stream()
                    .filter(record -> record.topic().equals(changesTopic))
                    .map(record -> EventJson.parse(record.value()))
                    .anyMatch(change -> change.path("type").asText().equals("profile-split")
                            && change.path("profileId").asText().equals(profileId)
                            && change.path("parts").size() == 2);
        });
        assertThat(received.stream()
                        .filter(record -> record.topic().equals(changesTopic))
                        .map(record ->
                                EventJson.parse(record.value()).path("type").asText()))
                .contains("profile-created");

        given().auth()
                .oauth2(admin)
                .get("/identity/rules")
                .then()
                .statusCode(200)
                .body("rules.'email.max-per-profile'", equalTo("5"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("email.max-per-profile", "many"))
                .post("/identity/rules/dry-run")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_RULES"))
                .body("message", equalTo("email.max-per-profile must be an integer, got 'many'"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("anonymous_id.blocked-values", "a-" + suffix))
                .post("/identity/rules/dry-run")
                .then()
                .statusCode(200)
                .body("applied", equalTo(false))
                .body("detachedIdentifiers", equalTo(1));

        given().auth().oauth2(admin).get("/identity/reviews").then().statusCode(200);

        // Forgetting the person: a later event carrying their email is not profiled again.
        given().auth()
                .oauth2(token("privacy-officer"))
                .contentType(ContentType.JSON)
                .body(Map.of("profileId", profileId, "reason", "erasure request"))
                .post("/identity/forget")
                .then()
                .statusCode(200)
                .body("identifiersForgotten", equalTo(3));
        CanonicalEvent comeback = event(EventType.IDENTIFY, "m-comeback-" + suffix)
                .anonymousId("new-" + suffix)
                .identifier(IdentifierHint.email(email))
                .identifier(IdentifierHint.anonymousId("shop", "new-" + suffix))
                .build();
        CanonicalEvent marker = event(EventType.TRACK, "m-marker-" + suffix)
                .anonymousId("marker-" + suffix)
                .event(EcommerceEvents.PRODUCT_VIEWED)
                .identifier(IdentifierHint.anonymousId("shop", "marker-" + suffix))
                .build();
        send(comeback);
        send(marker);
        resolved(marker.messageId());
        assertThat(find(comeback.messageId())).isNull();
    }

    @Test
    void aGroupEventResolvesOnItsCustomerAndItsTraitsFollowTheEncryptionRules() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String member = "member-" + suffix;
        CanonicalEvent identify = event(EventType.IDENTIFY, "m-member-" + suffix)
                .userId(member)
                .trait("email", member + "@shop.example")
                .identifier(IdentifierHint.userId("shop", member))
                .identifier(IdentifierHint.email(member + "@shop.example"))
                .build();
        CanonicalEvent group = event(EventType.GROUP, "m-group-" + suffix)
                .userId(member)
                .groupId("guild-" + suffix)
                .trait("name", "The Fen Guild")
                .trait("email", "office-" + suffix + "@guild.example")
                .trait("employees", 12)
                .identifier(IdentifierHint.userId("shop", member))
                .build();
        send(identify);
        send(group);

        JsonNode person = resolved(identify.messageId());
        JsonNode joined = resolved(group.messageId());
        assertThat(joined.path("profileId").asText())
                .isEqualTo(person.path("profileId").asText());
        assertThat(joined.path("type").asText()).isEqualTo("group");
        assertThat(joined.path("groupId").asText()).isEqualTo("guild-" + suffix);
        assertThat(joined.path("traits").path("email").asText()).startsWith("v1.");
        assertThat(joined.path("traits").path("name").asText()).startsWith("v1.");
        assertThat(joined.path("traits").path("employees").asInt()).isEqualTo(12);
        assertThat(joined.path("identifiers")).hasSize(1);
        CanonicalEvent read = EventJson.fromTree(joined);
        assertThat(read.type()).isEqualTo(EventType.GROUP);
        assertThat(read.groupId()).contains("guild-" + suffix);
    }

    @Test
    void healthAndMetricsAndOpenApiAreServed() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
    }
}
