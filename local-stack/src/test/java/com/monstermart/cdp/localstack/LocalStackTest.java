package com.monstermart.cdp.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher with real processes: a platform service declared by a module descriptor (the JDK's simple web
 * server stands in for a Quarkus service) and a private PostgreSQL cluster, including crashes and unclean
 * stops.
 */
class LocalStackTest {
    @TempDir
    Path home;

    private LocalStack stack;
    private final List<String> progress = new ArrayList<>();

    @BeforeEach
    void createStack() throws IOException {
        // The postgres OS user must reach the data directory (JUnit creates temporary directories as 0700).
        Files.setPosixFilePermissions(home, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        Path module = home.resolve("web-console");
        Files.createDirectories(module.resolve("site"));
        Files.writeString(module.resolve("site/index.html"), "<h1>MonsterMart</h1>");
        Files.writeString(module.resolve("site/health.html"), "UP");
        Files.writeString(module.resolve(ServiceDescriptor.FILE_NAME), """
                name=web
                description=A static web server standing in for a service
                requires=
                port=%d
                artifact=site/index.html
                command=${java} ${stack-marker} -m jdk.httpserver -b 127.0.0.1 -p ${port} -d ${home}/web-console/site
                health=http://127.0.0.1:${port}/health.html
                start-timeout=5
                env.CDP_EXAMPLE=${kafka.bootstrap-servers}
                """.formatted(StackSettings.freePort()));
        stack = new LocalStack(new StackContext(StackSettings.forTestJvm(home, home.resolve("data"), Map.of())));
    }

    @AfterEach
    void stopStack() {
        stack.down(progress::add);
        assertThat(stack.orphans()).isEmpty();
    }

    @Test
    void serviceFromADescriptorStartsIsProbedAndStops() {
        stack.up(List.of("web"), progress::add);

        ComponentStatus status = status("web");
        assertThat(status.state()).isEqualTo(ComponentStatus.State.HEALTHY);
        assertThat(status.residentBytes()).isPositive();
        assertThat(progress).anyMatch(line -> line.contains("web") && line.contains("ready"));
        assertThat(home.resolve("data/stack.properties")).exists();

        stack.down(progress::add);
        assertThat(status("web").state()).isEqualTo(ComponentStatus.State.STOPPED);
        assertThat(home.resolve("data/stack.properties")).doesNotExist();
    }

    @Test
    void secondUpKeepsWhatRunsAndRestartsWhatCrashed() {
        stack.up(List.of("web"), progress::add);
        ProcessHandle first = stack.component("web").process().orElseThrow();

        stack.up(List.of("web"), progress::add);
        assertThat(stack.component("web").process()).contains(first);
        assertThat(progress).anyMatch(line -> line.contains("already running"));

        first.destroyForcibly();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !first.isAlive());
        assertThat(status("web").state()).isEqualTo(ComponentStatus.State.STOPPED);

        stack.up(List.of("web"), progress::add);
        assertThat(status("web").state()).isEqualTo(ComponentStatus.State.HEALTHY);
        assertThat(stack.component("web").process().orElseThrow().pid()).isNotEqualTo(first.pid());
    }

    @Test
    void runningButUnreadyComponentIsWaitedForAndOnlyRestartedWhenAllowed() throws IOException {
        stack.up(List.of("web"), progress::add);
        ProcessHandle first = stack.component("web").process().orElseThrow();
        Path health = home.resolve("web-console/site/health.html");
        // The process runs but its health URL answers 404: unready, like a hung server.
        Files.delete(health);

        assertThatThrownBy(() -> stack.up(List.of("web"), progress::add, LocalStack.WhenUnresponsive.FAIL))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("web failed: web was not ready within 5 s");
        assertThat(stack.component("web").process()).contains(first);
        assertThat(progress).anyMatch(line -> line.contains("running but not ready") && line.contains("waiting"));

        Files.writeString(health, "UP");
        stack.up(List.of("web"), progress::add, LocalStack.WhenUnresponsive.FAIL);
        assertThat(stack.component("web").process()).contains(first);

        Files.delete(health);
        assertThatThrownBy(() -> stack.up(List.of("web"), progress::add))
                .hasMessageContaining("web was not ready within 5 s");
        assertThat(progress).anyMatch(line -> line.contains("still not ready: restarting"));
        assertThat(first.isAlive()).isFalse();
    }

    @Test
    void unbuiltServiceIsSkippedWithAHint() throws IOException {
        Files.delete(home.resolve("web-console/site/index.html"));
        stack.up(List.of("web"), progress::add);
        assertThat(progress).anyMatch(line -> line.contains("skipped: not built"));
        assertThat(status("web").state()).isEqualTo(ComponentStatus.State.NOT_BUILT);
    }

    @Test
    void unknownComponentListsTheKnownOnes() {
        assertThatThrownBy(() -> stack.up(List.of("spark"), progress::add))
                .isInstanceOf(StackException.class)
                .hasMessageContaining("No component 'spark'")
                .hasMessageContaining("postgres");
    }

    @Test
    void portTakenByAnotherProgramIsReportedWithTheComponent() throws IOException {
        int port = stack.component("web").ports().get(0);
        try (java.net.ServerSocket squatter =
                new java.net.ServerSocket(port, 1, java.net.InetAddress.getByName(StackSettings.HOST))) {
            assertThatThrownBy(() -> stack.up(List.of("web"), progress::add))
                    .isInstanceOf(StackException.class)
                    .hasMessageContaining("Port %d, which web needs, is taken by another program".formatted(port))
                    .hasMessageContaining("What to do");
        }
    }

    @Test
    void postgresComesBackAfterBeingKilled() throws Exception {
        StackEndpoints endpoints = stack.up(List.of("postgres"), progress::add);
        assertThat(query(endpoints, "SHOW wal_level")).isEqualTo("logical");
        execute(endpoints, "CREATE TABLE survivors (name text)");
        execute(endpoints, "INSERT INTO survivors VALUES ('Nessie')");

        ProcessHandle postmaster = stack.component("postgres").process().orElseThrow();
        postmaster.destroyForcibly();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !postmaster.isAlive());

        stack.up(List.of("postgres"), progress::add);
        assertThat(query(endpoints, "SELECT name FROM survivors")).isEqualTo("Nessie");
        assertThat(query(
                        endpoints,
                        "SELECT count(*) FROM pg_database WHERE datname IN ('cdp', 'iceberg_catalog', 'shop')"))
                .isEqualTo("3");
    }

    private ComponentStatus status(String name) {
        return stack.status().stream()
                .filter(status -> status.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private static String query(StackEndpoints endpoints, String sql) throws Exception {
        try (Connection connection = connect(endpoints);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }

    private static void execute(StackEndpoints endpoints, String sql) throws Exception {
        try (Connection connection = connect(endpoints);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static Connection connect(StackEndpoints endpoints) throws Exception {
        StackEndpoints.Postgres postgres = endpoints.postgres();
        return DriverManager.getConnection(
                postgres.jdbcUrl(StackEndpoints.Postgres.PLATFORM_DATABASE), postgres.user(), postgres.password());
    }
}
