package com.monstermart.cdp.profile.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.profile.core.ResolvedEvent;
import com.monstermart.cdp.profile.testing.ProfileStoreTestResource;
import com.monstermart.cdp.profile.testing.ResolvedEvents;
import com.monstermart.cdp.profile.testing.TestEvents;
import com.monstermart.cdp.profile.testing.Trino;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** From resolved events and profile changes on Kafka to rows analysts query in Trino (real Kafka, PostgreSQL, Trino). */
@QuarkusTest
@QuarkusTestResource(ProfileStoreTestResource.class)
class ResolvedEventsToTrinoTest {
    private static final FieldRef EMAIL = FieldRef.of("cdp.resolved.events", "traits.email");

    @Inject
    Optional<PiiVault> vault;

    @ConfigProperty(name = "cdp.profile-store.ingestion.events-topic")
    String eventsTopic;

    @ConfigProperty(name = "cdp.profile-store.ingestion.changes-topic")
    String changesTopic;

    @ConfigProperty(name = "cdp.profile-store.iceberg.namespace")
    String namespace;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private ResolvedEvents kafka;
    private Trino trino;

    @BeforeEach
    void connect() {
        kafka = new ResolvedEvents(bootstrapServers);
        trino = Trino.connect(CdpStack.get(), namespace);
    }

    @AfterEach
    void close() {
        kafka.close();
        trino.close();
    }

    @Test
    void resolvedEventsBecomeRowsInTrinoWithPersonalDataAsCiphertext() {
        String ghoul = "p-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-21T09:00:00Z");
        String email = vault.orElseThrow().encryptText(SubjectId.of(ghoul), EMAIL, "ghoul@example.com");
        kafka.send(
                eventsTopic,
                List.of(
                        identify(ghoul, at, email),
                        TestEvents.page(ghoul, UUID.randomUUID().toString(), at.plusSeconds(5)),
                        TestEvents.group(
                                ghoul,
                                UUID.randomUUID().toString(),
                                at.plusSeconds(10),
                                "guild-" + ghoul,
                                Map.of("email", TestEvents.cipher("office"), "employees", 12L)),
                        TestEvents.orderCompleted(
                                ghoul, UUID.randomUUID().toString(), at.plusSeconds(60), "o-" + ghoul, "29.00")));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(trino.rows(
                        "SELECT type, count(*) FROM events WHERE profile_id = '%s' GROUP BY type ORDER BY type"
                                .formatted(ghoul)))
                .containsExactly(
                        List.of("group", "1"), List.of("identify", "1"), List.of("page", "1"), List.of("track", "1")));
        assertThat(trino.rows("SELECT group_id, json_extract_scalar(traits, '$.employees') FROM events"
                        + " WHERE profile_id = '%s' AND type = 'group'".formatted(ghoul)))
                .containsExactly(List.of("guild-" + ghoul, "12"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(trino.rows(
                        "SELECT email, event_count, order_count, lifetime_revenue FROM profiles WHERE profile_id = '%s'"
                                .formatted(ghoul)))
                .containsExactly(List.of(email, "4", "1", "29.00")));
        assertThat(email).startsWith("v1.").doesNotContain("ghoul");
        // Tables commit one after the other: orders may follow profiles by a few milliseconds.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                        trino.rows("SELECT order_id, revenue FROM orders WHERE profile_id = '%s'".formatted(ghoul)))
                .containsExactly(List.of("o-" + ghoul, "29.00")));
    }

    @Test
    void aMergeRewritesTheProfilesAndClosesTheirHistory() {
        String survivor = "p-" + UUID.randomUUID();
        String merged = "p-" + UUID.randomUUID();
        Instant at = Instant.parse("2026-11-21T10:00:00Z");
        kafka.send(
                eventsTopic,
                List.of(
                        TestEvents.identify(survivor, UUID.randomUUID().toString(), at, Map.of("country", "NL")),
                        TestEvents.identify(
                                merged, UUID.randomUUID().toString(), at.plusSeconds(1), Map.of("gender", "f"))));
        await().atMost(Duration.ofSeconds(60))
                .until(() -> trino.count("SELECT count(*) FROM profiles WHERE profile_id IN ('%s', '%s')"
                                .formatted(survivor, merged))
                        == 2);

        kafka.sendChange(changesTopic, survivor, """
                {"type": "profiles-merged", "profileId": "%s", "mergedId": "%s", "at": "2026-11-21T11:00:00Z"}
                """.formatted(survivor, merged));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                        trino.rows("SELECT profile_id, status, merged_into, event_count, country, gender FROM profiles"
                                + " WHERE profile_id IN ('%s', '%s') ORDER BY status".formatted(survivor, merged)))
                .containsExactly(
                        Arrays.asList(survivor, "active", null, "2", "NL", "f"),
                        Arrays.asList(merged, "merged", survivor, "1", null, "f")));
        // Each table commits on its own, one after the other: wait for history and identities too.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(trino.rows(
                        "SELECT profile_id, version, change, is_current, valid_to IS NULL FROM profile_history"
                                + " WHERE profile_id IN ('%s', '%s') ORDER BY profile_id = '%s' DESC, version"
                                        .formatted(survivor, merged, survivor)))
                .containsExactly(
                        List.of(survivor, "1", "created", "false", "false"),
                        List.of(survivor, "2", "absorbed", "true", "true"),
                        List.of(merged, "1", "created", "false", "false"),
                        List.of(merged, "2", "merged", "true", "true")));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> trino.count("SELECT count(*) FROM identities WHERE profile_id = '%s'".formatted(survivor))
                        == 2);
    }

    private static ResolvedEvent identify(String profileId, Instant at, String encryptedEmail) {
        return new ResolvedEvent(
                profileId,
                TestEvents.base(EventType.IDENTIFY, UUID.randomUUID().toString(), at)
                        .trait("email", encryptedEmail)
                        .trait("address", Map.of("country", "DE"))
                        .identifier(IdentifierHint.email("bi-" + profileId))
                        .build());
    }
}
