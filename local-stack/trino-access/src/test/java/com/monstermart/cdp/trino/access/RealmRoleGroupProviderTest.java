package com.monstermart.cdp.trino.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The group provider's cache and settings; reading roles from a real Keycloak is proven by {@code TrinoAccessTest}
 * in local-stack/testing (the groups decide what each caller may do there).
 */
class RealmRoleGroupProviderTest {
    private final List<String> lookUps = new ArrayList<>();
    private final Map<String, Set<String>> realm = new java.util.HashMap<>(Map.of("ana", Set.of("analyst")));

    @Test
    void rolesAreKeptForTheirLifetimeThenReadAgain() {
        MutableClock clock = new MutableClock();
        RealmRoleGroupProvider groups = new RealmRoleGroupProvider(
                username -> {
                    lookUps.add(username);
                    return realm.getOrDefault(username, Set.of());
                },
                Duration.ofSeconds(30),
                clock);

        assertThat(groups.getGroups("ana")).containsExactly("analyst");
        realm.put("ana", Set.of("analyst", "admin"));
        clock.advance(Duration.ofSeconds(29));
        assertThat(groups.getGroups("ana")).containsExactly("analyst");
        clock.advance(Duration.ofSeconds(2));
        assertThat(groups.getGroups("ana")).containsExactlyInAnyOrder("analyst", "admin");
        assertThat(groups.getGroups("nobody")).isEmpty();
        assertThat(lookUps).containsExactly("ana", "ana", "nobody");
    }

    @Test
    void settingsNeedTheirKeysAndRefuseUnknownOnes() {
        Map<String, String> config = Map.of(
                "cdp-keycloak.url", "http://127.0.0.1:18180/",
                "cdp-keycloak.realm", "cdp",
                "cdp-keycloak.client-id", "cdp-trino",
                "cdp-keycloak.client-secret", "secret");

        KeycloakSettings settings = KeycloakSettings.fromConfig(config);

        assertThat(settings.url()).isEqualTo(URI.create("http://127.0.0.1:18180"));
        assertThat(settings.cacheTtl()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.toString()).doesNotContain("secret]");
        assertThatThrownBy(() -> KeycloakSettings.fromConfig(Map.of("cdp-keycloak.url", "http://x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The group provider needs cdp-keycloak.realm");
        Map<String, String> unknown = new java.util.HashMap<>(config);
        unknown.put("cdp-keycloak.ttl", "5");
        assertThatThrownBy(() -> KeycloakSettings.fromConfig(unknown))
                .hasMessageContaining("Unknown cdp-keycloak properties [cdp-keycloak.ttl]");
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
