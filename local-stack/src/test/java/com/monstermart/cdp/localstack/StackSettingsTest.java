package com.monstermart.cdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StackSettingsTest {
    private static final Path HOME = Path.of("/checkout");

    @Test
    void defaultsKeepEverythingUnderDotCdpOnFixedPorts() {
        StackSettings settings = StackSettings.fromEnvironment(HOME, Map.of());
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/checkout/.cdp"));
        assertThat(settings.distributionDirectory()).isEqualTo(Path.of("/checkout/.cdp/dist"));
        assertThat(settings.ports())
                .isEqualTo(new StackSettings.Ports(15432, 13306, 19092, 19093, 18080, 18180, 18190, 13025, 18025));
        assertThat(settings.externalDatabaseUrl()).isEmpty();
        assertThat(settings.heaps().trino()).isEqualTo("2g");
        assertThat(settings.servicePorts()).isEqualTo(StackSettings.ServicePorts.DESCRIBED);
    }

    @Test
    void environmentOverridesPortsDirectoriesAndHeaps() {
        StackSettings settings = StackSettings.fromEnvironment(
                HOME,
                Map.of(
                        "CDP_DATA_DIR", "/var/cdp",
                        "CDP_DIST_DIR", "dists",
                        "CDP_TRINO_PORT", "28080",
                        "CDP_TRINO_HEAP", "1g",
                        "CDP_DATABASE_URL", "postgresql://u:p@db:5432"));
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/var/cdp"));
        assertThat(settings.distributionDirectory()).isEqualTo(Path.of("/checkout/dists"));
        assertThat(settings.ports().trino()).isEqualTo(28080);
        assertThat(settings.heaps().trino()).isEqualTo("1g");
        assertThat(settings.externalDatabaseUrl()).contains("postgresql://u:p@db:5432");
    }

    @Test
    void invalidPortNamesTheVariable() {
        assertThatThrownBy(() -> StackSettings.fromEnvironment(HOME, Map.of("CDP_KAFKA_PORT", "ninety")))
                .isInstanceOf(StackException.class)
                .hasMessage("CDP_KAFKA_PORT must be a port number between 1 and 65535, not 'ninety'");
        assertThatThrownBy(() -> StackSettings.fromEnvironment(HOME, Map.of("CDP_KAFKA_PORT", "70000")))
                .hasMessageContaining("CDP_KAFKA_PORT");
    }

    @Test
    void testJvmStackGetsDistinctFreePortsAndSharesDistributions() {
        StackSettings settings = StackSettings.forTestJvm(HOME, Path.of("/tmp/stack"), Map.of());
        StackSettings.Ports ports = settings.ports();
        assertThat(java.util.Set.of(
                        ports.postgres(),
                        ports.mariadb(),
                        ports.kafka(),
                        ports.kafkaController(),
                        ports.trino(),
                        ports.keycloak(),
                        ports.keycloakManagement(),
                        ports.smtp(),
                        ports.mailApi()))
                .hasSize(9);
        assertThat(settings.dataDirectory()).isEqualTo(Path.of("/tmp/stack"));
        assertThat(settings.distributionDirectory()).isEqualTo(Path.of("/checkout/.cdp/dist"));
        // Services too: a test's services must not collide with those of the user's ./cdp up.
        assertThat(settings.servicePorts()).isEqualTo(StackSettings.ServicePorts.FREE);
    }
}
