package com.monstermart.cdp.pii.vault.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IdentifierNormalisersTest {
    @Test
    void emailIsTrimmedLowerCasedAndComposed() {
        IdentifierNormaliser email = IdentifierNormalisers.email();

        assertThat(email.normalise("  Monster.Mash@Example.COM\t").value()).isEqualTo("monster.mash@example.com");
        assertThat(email.normalise("Ze\u0301phyr@example.com").value())
                .isEqualTo(email.normalise("Z\u00e9phyr@example.com").value())
                .isEqualTo("z\u00e9phyr@example.com");
        assertThat(email.normalise("a+tag@b.example").kind()).isEqualTo(IdentifierKind.EMAIL);
    }

    @Test
    void anEmailNeedsALocalPartAndADomain() {
        for (String bad : new String[] {"monster", "@example.com", "monster@", "   "}) {
            assertThatThrownBy(() -> IdentifierNormalisers.email().normalise(bad))
                    .isInstanceOf(PiiVaultException.class)
                    .extracting(e -> ((PiiVaultException) e).code())
                    .isEqualTo(PiiVaultErrorCode.INVALID_IDENTIFIER);
        }
        assertThatThrownBy(() -> IdentifierNormalisers.email().normalise("secret-person"))
                .hasMessageNotContaining("secret-person");
    }

    @Test
    void phoneBecomesE164() {
        assertThat(IdentifierNormalisers.phone("US").normalise("(201) 555-0123").value())
                .isEqualTo("+12015550123");
        assertThat(IdentifierNormalisers.phone("AU").normalise("03 9123 4567").value())
                .isEqualTo("+61391234567");
        assertThat(IdentifierNormalisers.phone("US")
                        .normalise("+61 3 9123 4567")
                        .value())
                .isEqualTo("+61391234567");
        assertThat(IdentifierNormalisers.phone("DE").normalise("030 1234567").value())
                .isEqualTo("+49301234567");
    }

    @Test
    void somethingThatIsNotAPhoneNumberFailsWithoutEchoingIt() {
        assertThatThrownBy(() -> IdentifierNormalisers.phone("US").normalise("call me maybe"))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("Not a phone number")
                .hasMessageNotContaining("call me maybe")
                .extracting(e -> ((PiiVaultException) e).code())
                .isEqualTo(PiiVaultErrorCode.INVALID_IDENTIFIER);
        assertThatThrownBy(() -> IdentifierNormalisers.phone("US").normalise("12"))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("Not a possible phone number");
        assertThatThrownBy(() -> IdentifierNormalisers.phone("XX"))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("Unknown phone region 'XX'");
    }

    @Test
    void customerIdIsTrimmedAndKeepsItsCase() {
        assertThat(IdentifierNormalisers.customerId().normalise("  CUST-00042 ").value())
                .isEqualTo("CUST-00042");
        assertThatThrownBy(() -> IdentifierNormalisers.customerId().normalise(" "))
                .isInstanceOf(PiiVaultException.class)
                .hasMessage("The customer_id is blank");
    }

    @Test
    void aNormalisedIdentifierNeverShowsItsValue() {
        assertThat(IdentifierNormalisers.email()
                        .normalise("monster@example.com")
                        .toString())
                .doesNotContain("monster")
                .contains("email");
    }

    @Test
    void identifierKindsAreShortLowerCaseNames() {
        assertThatThrownBy(() -> new IdentifierKind("Email Address"))
                .isInstanceOf(PiiVaultException.class)
                .hasMessageContaining("[a-z0-9_.-]");
    }
}
