package com.monstermart.cdp.console.core.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.console.core.ConsoleErrorCode;
import com.monstermart.cdp.console.core.ConsoleException;
import org.junit.jupiter.api.Test;

class IdentifierQueryTest {
    @Test
    void globalTypesUseTheGlobalNamespaceAndNamespacedOnesALikelyDefault() {
        assertThat(IdentifierQuery.of("email", "shop", " grendel@example.com "))
                .isEqualTo(new IdentifierQuery("email", "global", "grendel@example.com"));
        assertThat(IdentifierQuery.of("user_id", null, "42")).isEqualTo(new IdentifierQuery("user_id", "shop", "42"));
        assertThat(IdentifierQuery.of("user_id", "pos", "7")).isEqualTo(new IdentifierQuery("user_id", "pos", "7"));
        assertThat(IdentifierQuery.of("email", null, "a@b.example").personal()).isTrue();
        assertThat(IdentifierQuery.of("user_id", null, "42").personal()).isFalse();
        assertThat(IdentifierQuery.of("user_id", "catalogue", "13085"))
                .isEqualTo(new IdentifierQuery("user_id", "catalogue", "13085"));
    }

    @Test
    void refusesWhatIsNotAnIdentifierWithoutRepeatingTheValue() {
        assertThatThrownBy(() -> IdentifierQuery.of("shoe_size", null, "44"))
                .isInstanceOf(ConsoleException.class)
                .hasMessageContaining("Unknown identifier type 'shoe_size'")
                .satisfies(e -> assertThat(((ConsoleException) e).code()).isEqualTo(ConsoleErrorCode.INVALID_REQUEST));
        assertThatThrownBy(() -> IdentifierQuery.of("email", null, "  "))
                .hasMessageContaining("Type the identifier's value");
        assertThatThrownBy(() -> IdentifierQuery.of("user_id", "Shop Web", "42"))
                .hasMessageContaining("namespace is lower-case letters");
        assertThat(IdentifierQuery.of("email", null, "secret@example.com").toString())
                .doesNotContain("secret");
    }
}
