package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IdentifierNormaliserTest {
    private final IdentifierNormaliser gb = new IdentifierNormaliser(IdentifierSettings.defaults());
    private final IdentifierNormaliser us = new IdentifierNormaliser(new IdentifierSettings("us"));

    @Test
    void emailsAreTrimmedLowerCasedAndComposedWithPlusTagsKept() {
        assertThat(value(gb.email("  Grendel+Promo@Example.COM "))).isEqualTo("grendel+promo@example.com");
        assertThat(value(gb.email("zoe\u0308@m\u00fcnster.example")))
                .isEqualTo("zo\u00eb@m\u00fcnster.example")
                .isEqualTo(value(gb.email("ZO\u00cb@M\u00dcNSTER.example")));
        assertThat(gb.email("first.last@example.com").toOptional()).isPresent();
        for (String bad : List.of("grendel", "a@b", "a..b@example.com", ".a@example.com", "a b@example.com")) {
            assertThat(gb.email(bad))
                    .as(bad)
                    .isEqualTo(new IdentifierNormalisation.Invalid(
                            IdentifierType.EMAIL, IdentifierProblem.MALFORMED_EMAIL));
        }
    }

    @Test
    void phonesBecomeE164InTheConfiguredRegion() {
        for (String spelling : List.of(
                "020 7946 0018", "+44 20 7946 0018", "0044 20 7946 0018", "(020) 7946-0018", "+44 (0)20 7946 0018")) {
            assertThat(value(gb.phone(spelling))).as(spelling).isEqualTo("+442079460018");
        }
        for (String spelling :
                List.of("(415) 555-2671", "415.555.2671", "+1 415 555 2671", "1-415-555-2671", "tel:+1-415-555-2671")) {
            assertThat(value(us.phone(spelling))).as(spelling).isEqualTo("+14155552671");
        }
        assertThat(value(gb.phone("\uff10\uff12\uff10 \uff17\uff19\uff14\uff16 \uff10\uff10\uff11\uff18")))
                .isEqualTo("+442079460018");
        assertThat(gb.phone("12"))
                .isEqualTo(new IdentifierNormalisation.Invalid(IdentifierType.PHONE, IdentifierProblem.INVALID_PHONE));
        assertThat(gb.phone("call me"))
                .isEqualTo(
                        new IdentifierNormalisation.Invalid(IdentifierType.PHONE, IdentifierProblem.MALFORMED_PHONE));
    }

    @Test
    void loyaltyCardsLoseSeparatorsAndCase() {
        for (String spelling :
                List.of("mm-1234-5678", "MM 1234 5678", "mm.1234.5678", "MM/1234/5678", "MM\u20131234 5678")) {
            assertThat(value(gb.normalise(IdentifierType.LOYALTY_CARD, null, spelling)))
                    .as(spelling)
                    .isEqualTo("MM12345678");
        }
        assertThat(gb.normalise(IdentifierType.LOYALTY_CARD, null, "M-1"))
                .isEqualTo(new IdentifierNormalisation.Invalid(
                        IdentifierType.LOYALTY_CARD, IdentifierProblem.MALFORMED_CARD));
    }

    @Test
    void userAndCustomerIdsShareOneCanonicalFormInTheirNamespace() {
        CanonicalIdentifier user =
                gb.normalise(IdentifierType.USER_ID, " Shop ", " Ab-42 ").orElseThrow();
        CanonicalIdentifier customer =
                gb.normalise(IdentifierType.CUSTOMER_ID, "SHOP", "Ab-42").orElseThrow();

        assertThat(user).isEqualTo(new CanonicalIdentifier(IdentifierType.USER_ID, "shop", "Ab-42"));
        assertThat(customer).isEqualTo(user);
        assertThat(gb.normalise(IdentifierType.USER_ID, "shop", "ab-42").orElseThrow())
                .as("ids keep their case")
                .isNotEqualTo(user);
        assertThat(gb.normalise(IdentifierType.USER_ID, "shop", "Zoe\u0308").orElseThrow())
                .isEqualTo(
                        gb.normalise(IdentifierType.USER_ID, "shop", "Zo\u00eb").orElseThrow());
        assertThat(gb.normalise(IdentifierType.USER_ID, "shop", "a\u0007b"))
                .isEqualTo(new IdentifierNormalisation.Invalid(
                        IdentifierType.USER_ID, IdentifierProblem.CONTROL_CHARACTERS));
        assertThat(gb.normalise(IdentifierType.USER_ID, "shop", "x".repeat(201)))
                .isEqualTo(new IdentifierNormalisation.Invalid(IdentifierType.USER_ID, IdentifierProblem.TOO_LONG));
    }

    @Test
    void anonymousIdsAreNamespacedAndDeviceIdsGlobal() {
        assertThat(gb.normalise(IdentifierHint.anonymousId("Shop", " a-1 ")).orElseThrow())
                .isEqualTo(new CanonicalIdentifier(IdentifierType.ANONYMOUS_ID, "shop", "a-1"));
        assertThat(gb.normalise(IdentifierHint.deviceId("Dev-9")).orElseThrow())
                .isEqualTo(new CanonicalIdentifier(IdentifierType.DEVICE_ID, "global", "Dev-9"));
    }

    @Test
    void namespacesAreCheckedPerScope() {
        assertThat(gb.normalise(IdentifierType.USER_ID, null, "42"))
                .isEqualTo(new IdentifierNormalisation.Invalid(
                        IdentifierType.USER_ID, IdentifierProblem.MISSING_NAMESPACE));
        assertThat(gb.normalise(IdentifierType.USER_ID, "Global", "42"))
                .isEqualTo(new IdentifierNormalisation.Invalid(
                        IdentifierType.USER_ID, IdentifierProblem.MISSING_NAMESPACE));
        assertThat(gb.normalise(IdentifierType.USER_ID, "shop:web", "42"))
                .isEqualTo(new IdentifierNormalisation.Invalid(
                        IdentifierType.USER_ID, IdentifierProblem.MALFORMED_NAMESPACE));
        assertThat(gb.normalise(IdentifierType.EMAIL, "shop", "a@example.com"))
                .isEqualTo(new IdentifierNormalisation.Invalid(
                        IdentifierType.EMAIL, IdentifierProblem.GLOBAL_TYPE_NAMESPACE));
        assertThat(gb.normalise(IdentifierType.EMAIL, " GLOBAL ", "a@example.com")
                        .toOptional())
                .isPresent();
        assertThat(gb.normalise(IdentifierType.EMAIL, "", "a@example.com").toOptional())
                .isPresent();
    }

    @Test
    void lookupsParseTypeNamespaceAndValueWithoutEchoingTheValue() {
        assertThat(gb.lookup("Customer-ID", "POS", " C-7 "))
                .isEqualTo(new CanonicalIdentifier(IdentifierType.USER_ID, "pos", "C-7"));
        assertThatThrownBy(() -> gb.lookup("passport", null, "X123"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("Unknown identifier type 'passport' (use one of user_id, anonymous_id, customer_id, email,"
                        + " phone, device_id, loyalty_card)");
        assertThatThrownBy(() -> gb.lookup("email", null, "grendel-at-example.com"))
                .isInstanceOf(InvalidIdentifierException.class)
                .hasMessage("The email is not an email address (local@domain.tld)")
                .hasMessageNotContaining("grendel")
                .satisfies(e -> assertThat(((InvalidIdentifierException) e).problem())
                        .contains(IdentifierProblem.MALFORMED_EMAIL));
        assertThatThrownBy(() -> gb.lookup(null, null, "x"))
                .isInstanceOf(InvalidIdentifierException.class)
                .satisfies(e ->
                        assertThat(((InvalidIdentifierException) e).problem()).isEqualTo(Optional.empty()));
    }

    @Test
    void personalTypesGiveABlindIndexInputOfTheirWireNameAndCanonicalText() {
        CanonicalIdentifier email = gb.email("A@Example.com").orElseThrow();
        BlindIndexInput input = email.blindIndexInput();

        assertThat(input).isEqualTo(new BlindIndexInput("email", "a@example.com"));
        assertThat(new String(input.bytes(), java.nio.charset.StandardCharsets.UTF_8))
                .isEqualTo("email\0a@example.com");
        assertThat(input.toString()).doesNotContain("example");
        assertThat(email.toString()).doesNotContain("example");
        assertThatThrownBy(() -> gb.lookup("user_id", "shop", "42").blindIndexInput())
                .isInstanceOf(IllegalStateException.class);
        assertThat(gb.lookup("user_id", "shop", "42").asStored())
                .isEqualTo(new StoredIdentifier(IdentifierType.USER_ID, "shop", "42"));
        Map<IdentifierType, Boolean> personal = new java.util.EnumMap<>(IdentifierType.class);
        for (IdentifierType type : IdentifierType.values()) {
            personal.put(type, type.personal());
        }
        assertThat(personal)
                .containsEntry(IdentifierType.EMAIL, true)
                .containsEntry(IdentifierType.PHONE, true)
                .containsEntry(IdentifierType.LOYALTY_CARD, true)
                .containsEntry(IdentifierType.USER_ID, false)
                .containsEntry(IdentifierType.CUSTOMER_ID, false)
                .containsEntry(IdentifierType.ANONYMOUS_ID, false)
                .containsEntry(IdentifierType.DEVICE_ID, false);
    }

    @Test
    void settingsComeFromOneKeyWithOneDefault() {
        assertThat(IdentifierSettings.fromConfig(key -> Optional.empty())).isEqualTo(new IdentifierSettings("GB"));
        assertThat(IdentifierSettings.fromConfig(key ->
                        key.equals("cdp.identifiers.phone-default-region") ? Optional.of(" de ") : Optional.empty()))
                .isEqualTo(new IdentifierSettings("DE"));
        assertThatThrownBy(() -> new IdentifierSettings("XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cdp.identifiers.phone-default-region");
    }

    private static String value(IdentifierNormalisation normalisation) {
        return normalisation.orElseThrow().value();
    }
}
