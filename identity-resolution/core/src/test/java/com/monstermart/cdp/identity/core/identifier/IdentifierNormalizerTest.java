package com.monstermart.cdp.identity.core.identifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class IdentifierNormalizerTest {
    private final IdentifierNormalizer normalizer = new IdentifierNormalizer("US");
    private final TraitNormalizer traits =
            new TraitNormalizer(Clock.fixed(Instant.parse("2026-11-01T00:00:00Z"), ZoneOffset.UTC));

    @Test
    void emailsAreTrimmedAndLowerCased() {
        assertThat(normalizer
                        .normalize(IdentifierType.EMAIL, "  Ann.Smith+shop@Example.COM ")
                        .orElseThrow())
                .isEqualTo(Identifier.email("ann.smith+shop@example.com"));
    }

    @Test
    void malformedEmailsAreRejectedWithAReasonThatDoesNotContainTheValue() {
        for (String bad :
                new String[] {"ann", "ann@", "@example.com", "ann@example", "a b@example.com", "a..b@x.com"}) {
            Normalized<Identifier> result = normalizer.normalize(IdentifierType.EMAIL, bad);
            assertThat(result).as(bad).isInstanceOf(Normalized.Invalid.class);
            assertThat(((Normalized.Invalid<Identifier>) result).message())
                    .isEqualTo("The email is not an email address (local@domain.tld)")
                    .doesNotContain(bad);
        }
        assertThatThrownBy(() -> normalizer
                        .normalize(IdentifierType.EMAIL, "secret-person")
                        .orElseThrow())
                .isInstanceOf(IdentityException.class)
                .hasMessage("The email is not an email address (local@domain.tld)")
                .extracting(e -> ((IdentityException) e).code())
                .isEqualTo(IdentityErrorCode.INVALID_IDENTIFIER);
    }

    @Test
    void phonesBecomeE164UsingTheDefaultRegion() {
        assertThat(normalizer.normalize(IdentifierType.PHONE, "(202) 555-0143").orElseThrow())
                .isEqualTo(Identifier.phone("+12025550143"));
        assertThat(normalizer
                        .normalize(IdentifierType.PHONE, "+44 20 7946 0958")
                        .orElseThrow())
                .isEqualTo(Identifier.phone("+442079460958"));
        assertThat(new IdentifierNormalizer("DE")
                        .normalize(IdentifierType.PHONE, "030 901820")
                        .orElseThrow())
                .isEqualTo(Identifier.phone("+4930901820"));
        assertThat(normalizer.normalize(IdentifierType.PHONE, "12"))
                .isEqualTo(Normalized.invalid("phone", InvalidReason.INVALID_PHONE));
        assertThat(normalizer.normalize(IdentifierType.PHONE, "call me"))
                .isEqualTo(Normalized.invalid("phone", InvalidReason.MALFORMED_PHONE));
        assertThatThrownBy(() -> new IdentifierNormalizer("XX"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Unknown phone region 'XX': use an ISO 3166 code such as US, GB, DE");
    }

    @Test
    void idsCardsAndNamespaces() {
        assertThat(normalizer.normalize(IdentifierType.USER_ID, "Shop", " 42 ").orElseThrow())
                .isEqualTo(Identifier.userId("shop", "42"));
        assertThat(normalizer.normalize(IdentifierType.USER_ID, "sh op", "42"))
                .isEqualTo(Normalized.invalid("user_id", InvalidReason.MALFORMED_NAMESPACE));
        assertThat(normalizer
                        .normalize(IdentifierType.LOYALTY_CARD, "mm-1234 5678")
                        .orElseThrow())
                .isEqualTo(Identifier.loyaltyCard("MM12345678"));
        assertThat(normalizer.normalize(IdentifierType.ANONYMOUS_ID, "Ab-9\u0007"))
                .isEqualTo(Normalized.invalid("anonymous_id", InvalidReason.CONTROL_CHARACTERS));
        assertThat(normalizer.normalize(IdentifierType.DEVICE_ID, "   "))
                .isEqualTo(Normalized.invalid("device_id", InvalidReason.EMPTY));
        assertThat(normalizer.normalize(IdentifierType.DEVICE_ID, "d".repeat(201)))
                .isEqualTo(Normalized.invalid("device_id", InvalidReason.TOO_LONG));
    }

    @Test
    void personalValuesAreMaskedInToString() {
        assertThat(Identifier.email("ann@example.com").toString()).isEqualTo("email:***");
        assertThat(Identifier.userId("shop", "42").toString()).isEqualTo("user_id:shop:42");
        assertThat(Identifier.parseKey(Identifier.userId("shop", "a:b").key()))
                .isEqualTo(Identifier.userId("shop", "a:b"));
    }

    @Test
    void traitsAreNormalisedForComparison() {
        assertThat(traits.name("given_name", "  José-María  O'Neil ").orElseThrow())
                .isEqualTo("jose-maria o'neil");
        assertThat(traits.name("given_name", "1234"))
                .isEqualTo(Normalized.invalid("given_name", InvalidReason.NO_LETTERS));
        assertThat(traits.dateOfBirth("1985-02-28").orElseThrow()).isEqualTo(LocalDate.of(1985, 2, 28));
        assertThat(traits.dateOfBirth("19850228").orElseThrow()).isEqualTo(LocalDate.of(1985, 2, 28));
        assertThat(traits.dateOfBirth("2030-01-01"))
                .isEqualTo(Normalized.invalid("date_of_birth", InvalidReason.IMPLAUSIBLE_DATE));
        assertThat(traits.dateOfBirth("28/02/1985"))
                .isEqualTo(Normalized.invalid("date_of_birth", InvalidReason.MALFORMED_DATE));
        assertThat(traits.address("12 Pinkerton Cct.").orElseThrow()).isEqualTo("12 pinkerton circuit");
        assertThat(traits.postcode(" sw1a 1aa").orElseThrow()).isEqualTo("SW1A1AA");
        assertThat(traits.postcode("#")).isEqualTo(Normalized.invalid("postcode", InvalidReason.MALFORMED_POSTCODE));
    }
}
