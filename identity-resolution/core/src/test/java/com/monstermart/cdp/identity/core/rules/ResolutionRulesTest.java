package com.monstermart.cdp.identity.core.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResolutionRulesTest {
    @Test
    void defaultsGuardEveryType() {
        ResolutionRules rules = ResolutionRules.defaults();
        assertThat(rules.rule(IdentifierType.USER_ID).maxPerProfile()).isEqualTo(1);
        assertThat(rules.rule(IdentifierType.EMAIL).maxPerProfile()).isEqualTo(5);
        assertThat(rules.rule(IdentifierType.ANONYMOUS_ID).maxPerProfile()).isZero();
        assertThat(rules.rule(IdentifierType.USER_ID).priority())
                .isGreaterThan(rules.rule(IdentifierType.EMAIL).priority());
        assertThat(rules.blockReason(Identifier.userId("shop", "0000"))).contains("user_id.blocked-pattern.1");
        assertThat(rules.blockReason(Identifier.anonymousId("web", "NULL"))).contains("anonymous_id.blocked-pattern.2");
        assertThat(rules.blockReason(Identifier.email("noreply@shop.example"))).contains("email.blocked-pattern.1");
        assertThat(rules.blockReason(Identifier.email("Test@Example.com"))).contains("email.blocked-values");
        assertThat(rules.blockReason(Identifier.email("ann@shop.example"))).isEmpty();
    }

    @Test
    void propertiesOverrideDefaultsAndRoundTrip() {
        ResolutionRules rules = ResolutionRules.parse(Map.of(
                "email.max-per-profile", "3",
                "email.window", "P30D",
                "device_id.blocked-values", "kiosk-1, KIOSK-2",
                "phone.blocked-pattern.1", "^\\+1555.*$",
                "phone.priority", "75"));
        assertThat(rules.rule(IdentifierType.EMAIL).maxPerProfile()).isEqualTo(3);
        assertThat(rules.rule(IdentifierType.EMAIL).window()).contains(Duration.ofDays(30));
        assertThat(rules.rule(IdentifierType.PHONE).priority()).isEqualTo(75);
        assertThat(rules.blockReason(Identifier.deviceId("Kiosk-2"))).contains("device_id.blocked-values");
        assertThat(rules.blockReason(Identifier.phone("+15550100"))).contains("phone.blocked-pattern.1");
        assertThat(ResolutionRules.parse(rules.toProperties())).isEqualTo(rules);
        assertThat(ResolutionRules.parse(rules.toProperties()).version()).isEqualTo(rules.version());
        assertThat(rules.version()).isNotEqualTo(ResolutionRules.defaults().version());
        assertThat(ResolutionRules.parse(Map.of("email.window", ""))
                        .rule(IdentifierType.EMAIL)
                        .window())
                .isEqualTo(Optional.empty());
    }

    @Test
    void mistakesAreReportedPrecisely() {
        assertThatThrownBy(() -> ResolutionRules.parse(Map.of("mail.priority", "1")))
                .isInstanceOf(IdentityException.class)
                .hasMessage("Rule key 'mail.priority' names an unknown identifier type");
        assertThatThrownBy(() -> ResolutionRules.parse(Map.of("email.limit", "1")))
                .isInstanceOf(IdentityException.class)
                .hasMessageStartingWith("Unknown rule setting 'email.limit'");
        assertThatThrownBy(() -> ResolutionRules.parse(Map.of("email.priority", "high")))
                .isInstanceOf(IdentityException.class)
                .hasMessage("email.priority must be an integer, got 'high'");
        assertThatThrownBy(() -> ResolutionRules.parse(Map.of("email.window", "30 days")))
                .isInstanceOf(IdentityException.class)
                .hasMessage("email.window must be an ISO-8601 duration such as P30D or PT12H, got '30 days'");
        assertThatThrownBy(() -> ResolutionRules.parse(Map.of("email.blocked-pattern.1", "(")))
                .isInstanceOf(IdentityException.class)
                .hasMessageStartingWith("email.blocked-pattern '(' is not a regular expression");
        assertThatThrownBy(() -> ResolutionRules.parse(Map.of("anonymous_id.window", "P1D")))
                .isInstanceOf(IdentityException.class)
                .hasMessage("anonymous_id.window needs a max-per-profile above 0");
    }
}
