package com.monstermart.cdp.profile.service;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.RealmUser;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.profile.core.ResolvedEvent;
import com.monstermart.cdp.profile.testing.ProfileStoreTestResource;
import com.monstermart.cdp.profile.testing.ResolvedEvents;
import com.monstermart.cdp.profile.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.assertj.core.api.Assertions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Lookups by value find the profile for every identifier type, however the value is spelled: the profile store keeps
 * the stored form identity resolution publishes (computed here with the same vocabulary and vault calls identity
 * resolution makes), and {@code POST /api/profiles/lookup} computes it from {@code {type, namespace, value}}.
 */
@QuarkusTest
@QuarkusTestResource(ProfileStoreTestResource.class)
class ProfileLookupTest {
    @Inject
    Optional<PiiVault> vault;

    @Inject
    IdentifierNormaliser identifiers;

    @ConfigProperty(name = "cdp.profile-store.ingestion.events-topic")
    String eventsTopic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final CdpStack stack = CdpStack.get();

    @Test
    void everyTypeIsFoundByAMessySpelling() {
        String profileId = "p-" + UUID.randomUUID();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String digits = "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));
        String card = "%08d".formatted(ThreadLocalRandom.current().nextInt(100_000_000));
        List<IdentifierHint> hints = List.of(
                IdentifierHint.email("grendel+" + suffix + "@example.com"),
                IdentifierHint.phone("07400 " + digits),
                IdentifierHint.loyaltyCard("MM-" + card.substring(0, 4) + "-" + card.substring(4)),
                IdentifierHint.userId("shop", "Ab-" + suffix),
                IdentifierHint.customerId("POS", "C-" + suffix),
                IdentifierHint.anonymousId("Shop", "a-" + suffix),
                IdentifierHint.deviceId("Dev-" + suffix));
        Map<String, Map<String, String>> lookups = new HashMap<>();
        lookups.put("email", Map.of("type", "email", "value", " GRENDEL+" + suffix.toUpperCase() + "@Example.COM "));
        lookups.put("phone", Map.of("type", "phone", "value", "+44 (0)7400-" + digits));
        lookups.put(
                "loyalty_card",
                Map.of("type", "Loyalty-Card", "value", "mm " + card.substring(0, 4) + " " + card.substring(4)));
        lookups.put("user_id", Map.of("type", "user_id", "namespace", "SHOP", "value", " Ab-" + suffix + " "));
        lookups.put("customer_id", Map.of("type", "customer_id", "namespace", "pos", "value", "C-" + suffix));
        lookups.put("anonymous_id", Map.of("type", "anonymous_id", "namespace", "shop", "value", "a-" + suffix));
        lookups.put("device_id", Map.of("type", "device_id", "namespace", "global", "value", "Dev-" + suffix + "\t"));
        Set<IdentifierType> covered = EnumSet.noneOf(IdentifierType.class);
        hints.forEach(hint -> covered.add(hint.type()));
        Assertions.assertThat(covered).containsExactlyInAnyOrder(IdentifierType.values());

        CanonicalEvent.Builder event = TestEvents.base(
                EventType.IDENTIFY, UUID.randomUUID().toString(), Instant.parse("2026-11-21T08:00:00Z"));
        for (IdentifierHint hint : hints) {
            // what identity resolution publishes: the stored form of the hint's canonical form
            event.identifier(vault.orElseThrow()
                    .storedForm(identifiers.normalise(hint).orElseThrow())
                    .hint());
        }
        try (ResolvedEvents kafka = new ResolvedEvents(bootstrapServers)) {
            kafka.send(eventsTopic, List.of(new ResolvedEvent(profileId, event.build())));
        }
        String token = token("privacy-officer");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(token)
                                .get("/api/profiles/{id}", profileId)
                                .statusCode()
                        == 200);

        lookups.forEach((type, body) -> given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/profiles/lookup")
                .then()
                .statusCode(200)
                .body("profileId", equalTo(profileId)));
    }

    @Test
    void unknownAndInvalidIdentifiersAreAnsweredWithoutEchoingTheValue() {
        String token = token("marketer");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "email", "value", "nobody-" + UUID.randomUUID() + "@example.com"))
                .post("/api/profiles/lookup")
                .then()
                .statusCode(404)
                .body("code", equalTo("IDENTIFIER_NOT_FOUND"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "phone", "value", "call grendel"))
                .post("/api/profiles/lookup")
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("The phone cannot be parsed as a phone number"))
                .body("message", not(containsString("grendel")));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "user_id", "value", "42"))
                .post("/api/profiles/lookup")
                .then()
                .statusCode(400)
                .body("message", equalTo("The user_id needs the namespace of its source (e.g. shop)"));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "passport", "value", "X1"))
                .post("/api/profiles/lookup")
                .then()
                .statusCode(400)
                .body("message", containsString("Unknown identifier type 'passport'"));
    }

    private String token(String role) {
        RealmUser user = stack.createRealmUser(role);
        return stack.accessToken(user);
    }
}
