package com.monstermart.cdp.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.event.IdentifierSettings;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.event.SourceRef;
import com.monstermart.cdp.identity.core.golden.TraitObservation;
import com.monstermart.cdp.identity.core.identifier.TraitNormalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MatchTraitsTest {
    private static final Instant NOW = Instant.parse("2026-11-21T10:00:00Z");
    private final MatchTraits matchTraits = new MatchTraits(
            new TraitNormalizer(Clock.fixed(NOW, ZoneOffset.UTC)),
            new IdentifierNormaliser(IdentifierSettings.defaults()));

    private static CanonicalEvent event(EventType type) {
        CanonicalEvent.Builder builder = CanonicalEvent.builder(type)
                .messageId("m-" + type.wireName())
                .timestamp(NOW)
                .receivedAt(NOW)
                .userId("42")
                .trait("firstName", "Grendel")
                .trait("phone", "+44 20 7946 0000")
                .trait("email", "office@fen-guild.example")
                .trait("address", Map.of("street", "1 Fen Lane", "postalCode", "HE1 0RT", "city", "Heorot"))
                .context(EventContext.of(new SourceRef("shop-web", SourceKind.HTTP, "p")));
        return type == EventType.GROUP ? builder.groupId("guild-7").build() : builder.build();
    }

    @Test
    void identifyTraitsAreObserved() {
        assertThat(matchTraits.of(event(EventType.IDENTIFY)))
                .extracting(TraitObservation::trait)
                .contains("given_name", "phone", "email_local", "address", "postcode", "city");
    }

    @Test
    void aGroupsTraitsAreNotTheCustomers() {
        assertThat(matchTraits.of(event(EventType.GROUP))).isEmpty();
    }
}
