package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class IdentifierHintTest {
    @Test
    void globalTypesLiveInTheGlobalNamespace() {
        assertThat(IdentifierHint.email(" grendel@example.com "))
                .isEqualTo(new IdentifierHint(IdentifierType.EMAIL, "global", "grendel@example.com"));
        assertThatThrownBy(() -> new IdentifierHint(IdentifierType.EMAIL, "shop", "x@example.com"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Identifier type email is global: its namespace must be 'global', not 'shop'");
    }

    @Test
    void namespacedTypesNeedASourceNamespace() {
        assertThat(IdentifierHint.userId("shop", "42").namespace()).isEqualTo("shop");
        assertThatThrownBy(() -> IdentifierHint.customerId("global", "42"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Identifier type customer_id needs the namespace of its source, not 'global'");
        assertThatThrownBy(() -> IdentifierHint.loyaltyCard("  "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Identifier value of type loyalty_card is blank");
    }

    @Test
    void standardHintsComeFromSegmentFields() {
        CanonicalEvent event = Events.track("Product Viewed")
                .anonymousId("anon-1")
                .context(EventContext.builder(Events.WEB)
                        .extension("traits", Map.of("email", "grendel@example.com", "loyaltyCard", "MM-1"))
                        .extension("device", Map.of("id", "dev-9"))
                        .build())
                .build();

        assertThat(IdentifierHints.standard(event, "shop"))
                .containsExactly(
                        IdentifierHint.userId("shop", "42"),
                        IdentifierHint.anonymousId("shop", "anon-1"),
                        IdentifierHint.email("grendel@example.com"),
                        IdentifierHint.loyaltyCard("MM-1"),
                        IdentifierHint.deviceId("dev-9"));
    }

    @Test
    void addingStandardHintsKeepsExistingOnesWithoutDuplicates() {
        CanonicalEvent event = Events.identify()
                .trait("phone", "+44 20 7946 0000")
                .identifier(IdentifierHint.userId("shop", "42"))
                .build();

        assertThat(IdentifierHints.withStandardHints(event, "shop").identifiers())
                .containsExactly(
                        IdentifierHint.userId("shop", "42"),
                        IdentifierHint.email("grendel@example.com"),
                        IdentifierHint.phone("+44 20 7946 0000"));
    }

    @Test
    void partitionKeyPrefersTheUserId() {
        CanonicalEvent identified = Events.identify().anonymousId("a-1").build();
        CanonicalEvent anonymous =
                Events.identify().userId(null).anonymousId("a-1").build();
        CanonicalEvent alias = CanonicalEvent.builder(EventType.ALIAS)
                .messageId("m")
                .userId("42")
                .previousId("a-1")
                .context(EventContext.of(Events.WEB))
                .build();

        assertThat(EventKeys.partitionKey(identified)).isEqualTo("42");
        assertThat(EventKeys.partitionKey(anonymous)).isEqualTo("a-1");
        assertThat(EventKeys.partitionKey(alias)).isEqualTo("42");
    }
}
