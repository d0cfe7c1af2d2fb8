package com.monstermart.cdp.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.identity.core.graph.IdentityChange;
import com.monstermart.cdp.identity.core.graph.Link;
import com.monstermart.cdp.identity.core.graph.LinkKind;
import com.monstermart.cdp.identity.core.graph.Member;
import com.monstermart.cdp.identity.core.graph.ProfileView;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The JSON of cdp.identity.changes, as profile-store reads it. */
class ChangeMessagesTest {
    private static final Instant AT = Instant.parse("2026-11-01T10:00:00Z");
    private static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void mergesNameTheSurvivorTheMergedIdAndEvidenceWithoutValues() {
        ObjectNode json = ChangeMessages.of(new IdentityChange.ProfilesMerged(
                A,
                B,
                new Link(
                        Identifier.email("QmxpbmRJbmRleFZhbHVl"),
                        Identifier.userId("pos", "9"),
                        LinkKind.OBSERVED,
                        "m-1",
                        AT,
                        "event/rules-abc",
                        1.0),
                AT));

        assertThat(json.path("type").asText()).isEqualTo("profiles-merged");
        assertThat(json.path("profileId").asText()).isEqualTo(A.toString());
        assertThat(json.path("mergedId").asText()).isEqualTo(B.toString());
        assertThat(json.path("at").asText()).isEqualTo("2026-11-01T10:00:00Z");
        assertThat(json.path("evidence").path("fromType").asText()).isEqualTo("email");
        assertThat(json.toString()).doesNotContain("QmxpbmRJbmRleFZhbHVl").doesNotContain("\"9\"");
    }

    @Test
    void splitsListTheirPartsWithEventModelIdentifiers() {
        ObjectNode json = ChangeMessages.split(
                new IdentityChange.ProfileSplit(A, List.of(B), "shared kiosk", "ops", AT),
                List.of(
                        new ProfileView(
                                A, A, AT, List.of(new Member(Identifier.anonymousId("web", "a1"), AT)), List.of()),
                        new ProfileView(B, B, AT, List.of(new Member(Identifier.deviceId("kiosk"), AT)), List.of())));

        assertThat(json.path("type").asText()).isEqualTo("profile-split");
        assertThat(json.path("created").get(0).asText()).isEqualTo(B.toString());
        assertThat(json.path("parts")
                        .get(0)
                        .path("identifiers")
                        .get(0)
                        .path("type")
                        .asText())
                .isEqualTo("anonymous_id");
        assertThat(json.path("parts")
                        .get(0)
                        .path("identifiers")
                        .get(0)
                        .path("namespace")
                        .asText())
                .isEqualTo("web");
        assertThat(json.path("parts")
                        .get(0)
                        .path("identifiers")
                        .get(0)
                        .path("value")
                        .asText())
                .isEqualTo("a1");
        assertThat(json.path("parts")
                        .get(1)
                        .path("identifiers")
                        .get(0)
                        .path("namespace")
                        .asText())
                .isEqualTo("global");
        assertThat(ChangeMessages.erased(A, AT).path("type").asText()).isEqualTo("profile-erased");
        assertThat(ChangeMessages.of(new IdentityChange.ProfileCreated(A, "m-1", AT))
                        .path("type")
                        .asText())
                .isEqualTo("profile-created");
    }
}
