package com.monstermart.cdp.profile.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.RealmUser;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.profile.core.ResolvedEvent;
import com.monstermart.cdp.profile.core.pii.Disclosure;
import com.monstermart.cdp.profile.persistence.PostgresAuditLog;
import com.monstermart.cdp.profile.testing.ProfileStoreTestResource;
import com.monstermart.cdp.profile.testing.ResolvedEvents;
import com.monstermart.cdp.profile.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hot profile API against Keycloak tokens: masked or decrypted by role, every decryption audited. */
@QuarkusTest
@QuarkusTestResource(ProfileStoreTestResource.class)
class ProfileResourceTest {
    @Inject
    Optional<PiiVault> vault;

    @Inject
    PostgresAuditLog auditLog;

    @Inject
    IdentifierNormaliser identifiers;

    @ConfigProperty(name = "cdp.profile-store.ingestion.events-topic")
    String eventsTopic;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final CdpStack stack = CdpStack.get();
    private String profileId;
    private String emailIndex;

    /** A profile whose email and city are encrypted for it, as identity resolution publishes them. */
    @BeforeEach
    void publishProfile() {
        profileId = "p-" + UUID.randomUUID();
        PiiVault piiVault = vault.orElseThrow();
        SubjectId subject = SubjectId.of(profileId);
        String email = "grendel-" + profileId + "@example.com";
        emailIndex = piiVault.storedForm(identifiers.email(email).orElseThrow()).value();
        ResolvedEvent identify = new ResolvedEvent(
                profileId,
                TestEvents.base(EventType.IDENTIFY, UUID.randomUUID().toString(), Instant.parse("2026-11-21T08:00:00Z"))
                        .trait("email", piiVault.encryptText(subject, field("traits.email"), email))
                        .trait("firstName", piiVault.encryptText(subject, field("traits.firstName"), "Grendel"))
                        .trait(
                                "address",
                                Map.of(
                                        "city",
                                        piiVault.encryptText(subject, field("traits.address.city"), "Heorot"),
                                        "country",
                                        "DK"))
                        .identifier(IdentifierHint.email(emailIndex))
                        .build());
        try (ResolvedEvents kafka = new ResolvedEvents(bootstrapServers)) {
            kafka.send(eventsTopic, List.of(identify));
        }
        String token = token("admin");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> given().auth()
                                .oauth2(token)
                                .get("/api/profiles/{id}", profileId)
                                .statusCode()
                        == 200);
    }

    private static FieldRef field(String path) {
        return FieldRef.of("cdp.resolved.events", path);
    }

    private String token(String role) {
        RealmUser user = stack.createRealmUser(role);
        return stack.accessToken(user);
    }

    @Test
    void aMarketerSeesMaskedPersonalDataAndNonPersonalTraitsInClear() {
        given().auth()
                .oauth2(token("marketer"))
                .queryParam("purpose", "campaign-planning")
                .get("/api/profiles/{id}", profileId)
                .then()
                .statusCode(200)
                .body("profileId", equalTo(profileId))
                .body("pii", equalTo("masked"))
                .body("traits.email", equalTo(Disclosure.MASKED))
                .body("traits.firstName", equalTo(Disclosure.MASKED))
                .body("traits.address.city", equalTo(Disclosure.MASKED))
                .body("traits.address.country", equalTo("DK"))
                .body("identifiers.blindIndex", hasItem(emailIndex))
                .body("eventCount", equalTo(1));
        assertThat(auditLog.entries(profileId)).isEmpty();
    }

    @Test
    void aPrivacyOfficerWithAPurposeSeesPlaintextAndEveryDecryptionIsAudited() {
        RealmUser officer = stack.createRealmUser("privacy-officer");
        given().auth()
                .oauth2(stack.accessToken(officer))
                .queryParam("purpose", "access-request-42")
                .get("/api/profiles/{id}", profileId)
                .then()
                .statusCode(200)
                .body("pii", equalTo("revealed"))
                .body("traits.email", equalTo("grendel-" + profileId + "@example.com"))
                .body("traits.firstName", equalTo("Grendel"))
                .body("traits.address.city", equalTo("Heorot"));

        List<PostgresAuditLog.Entry> entries = auditLog.entries(profileId);
        assertThat(entries)
                .extracting(PostgresAuditLog.Entry::field)
                .containsExactlyInAnyOrder(
                        "cdp.resolved.events.traits.address.city",
                        "cdp.resolved.events.traits.email",
                        "cdp.resolved.events.traits.firstName");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.caller()).isEqualTo("user:" + officer.username());
            assertThat(entry.purpose()).isEqualTo("access-request-42");
            assertThat(entry.outcome()).isEqualTo("decrypted");
        });
    }

    @Test
    void withoutAPurposeEvenAPrivacyOfficerSeesMaskedValues() {
        given().auth()
                .oauth2(token("privacy-officer"))
                .get("/api/profiles/{id}", profileId)
                .then()
                .statusCode(200)
                .body("pii", equalTo("masked"))
                .body("traits.email", equalTo(Disclosure.MASKED));
        assertThat(auditLog.entries(profileId)).isEmpty();
    }

    @Test
    void anErasedSubjectShowsAsErased() {
        vault.orElseThrow().shred(SubjectId.of(profileId), new ShredRequest("privacy-officer:test", "erasure-7"));

        given().auth()
                .oauth2(token("admin"))
                .queryParam("purpose", "erasure-check")
                .get("/api/profiles/{id}", profileId)
                .then()
                .statusCode(200)
                .body("erased", equalTo(true))
                .body("traits.email", equalTo(Disclosure.ERASED))
                .body("traits.address.country", equalTo("DK"));
        assertThat(auditLog.entries(profileId))
                .extracting(PostgresAuditLog.Entry::outcome)
                .contains("erased");
    }

    @Test
    void profilesAreFoundByIdentifierBlindIndexOrValue() {
        String token = token("marketer");
        given().auth()
                .oauth2(token)
                .queryParam("type", "email")
                .queryParam("blindIndex", emailIndex)
                .get("/api/profiles/by-identifier")
                .then()
                .statusCode(200)
                .body("profileId", equalTo(profileId));
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("type", "email", "value", "  Grendel-" + profileId + "@EXAMPLE.com "))
                .post("/api/profiles/lookup")
                .then()
                .statusCode(200)
                .body("profileId", equalTo(profileId));
        given().auth()
                .oauth2(token)
                .queryParam("type", "email")
                .queryParam("blindIndex", "AAAAAAAAAAAAAAAAAAAAAA")
                .get("/api/profiles/by-identifier")
                .then()
                .statusCode(404)
                .body("code", equalTo("IDENTIFIER_NOT_FOUND"));
    }

    @Test
    void recentEventsComeFromTheHotStore() {
        given().auth()
                .oauth2(token("analyst"))
                .queryParam("limit", 5)
                .get("/api/profiles/{id}/events", profileId)
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].type", equalTo("identify"));
        given().auth()
                .oauth2(token("analyst"))
                .queryParam("limit", 5000)
                .get("/api/profiles/{id}/events", profileId)
                .then()
                .statusCode(400)
                .body("code", equalTo("INVALID_REQUEST"))
                .body("message", equalTo("limit must be between 1 and 200, not 5000"));
    }

    @Test
    void rolesAndTokensAreEnforced() {
        given().get("/api/profiles/{id}", profileId).then().statusCode(401);
        given().auth()
                .oauth2(token("connector-operator"))
                .get("/api/profiles/{id}", profileId)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(token("marketer"))
                .get("/api/profiles/{id}", "p-unknown")
                .then()
                .statusCode(404)
                .body("code", equalTo("PROFILE_NOT_FOUND"));
        given().auth().oauth2(token("marketer")).get("/api/admin/tables").then().statusCode(403);
    }

    @Test
    void adminsSeeRowsPerTable() {
        given().auth()
                .oauth2(token("admin"))
                .get("/api/admin/tables")
                .then()
                .statusCode(200)
                .body("tables.table", hasItem("events"))
                .body("ingestionRunning", equalTo(true));
    }
}
