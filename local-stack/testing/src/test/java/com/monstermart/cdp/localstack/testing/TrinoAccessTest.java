package com.monstermart.cdp.localstack.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.localstack.AccessToken;
import com.monstermart.cdp.localstack.RealmCredentials;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.TrinoJdbc;
import com.monstermart.cdp.localstack.TrinoTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Trino behind Keycloak, on the real servers with Trino's JDBC driver: nobody gets in without a valid token of realm
 * {@code cdp}, and what a caller may do follows their realm roles (rules in local-stack's {@code trino/rules.json}
 * and the sandbox control of local-stack/trino-access).
 */
@WithCdpStack({"trino", "keycloak"})
class TrinoAccessTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static CdpStack stack;
    private static StackEndpoints endpoints;
    private static String table;
    private static boolean createdCdpSchema;

    @BeforeAll
    static void createATableInIcebergCdp(CdpStack cdpStack) throws SQLException {
        stack = cdpStack;
        endpoints = stack.require("trino", "keycloak");
        table = CdpStack.uniqueName("access_test");
        try (Connection operations = stack.trino(stack.operations(), "cdp")) {
            createdCdpSchema =
                    rows(operations, "SHOW SCHEMAS FROM iceberg LIKE 'cdp'").isEmpty();
            execute(operations, "CREATE SCHEMA IF NOT EXISTS iceberg.cdp");
            execute(operations, "CREATE TABLE iceberg.cdp.%s AS SELECT 1 AS id, 'boo' AS name".formatted(table));
        }
    }

    @AfterAll
    static void dropIt() throws SQLException {
        try (Connection operations = stack.trino(stack.operations(), "cdp")) {
            execute(operations, "DROP TABLE IF EXISTS iceberg.cdp." + table);
            if (createdCdpSchema) {
                execute(operations, "DROP SCHEMA IF EXISTS iceberg.cdp");
            }
        }
    }

    @Test
    void callersWithoutATokenAreRefused() throws Exception {
        Properties anonymous = new Properties();
        anonymous.setProperty("user", "analyst");
        anonymous.setProperty("SSL", "true");
        anonymous.setProperty("SSLTrustStorePath", endpoints.trino().certificate());
        assertThatThrownBy(() -> query(anonymous, "SELECT 1"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Unauthorized");

        assertThat(status(null)).isEqualTo(401);

        Properties plainHttp = new Properties();
        plainHttp.setProperty("user", "analyst");
        assertThatThrownBy(() -> query(plainHttp, "SELECT 1")).isInstanceOf(SQLException.class);
    }

    @Test
    void forgedTamperedForeignAndMisaddressedTokensAreRefused() throws Exception {
        AccessToken analyst = stack.token(new RealmCredentials.Person("analyst", "analyst"));
        assertThat(status(analyst.value())).as("the genuine token").isEqualTo(200);

        String[] parts = analyst.value().split("\\.");
        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("preferred_username", "admin");
        String escalated = base64(JSON.writeValueAsBytes(claims));
        assertThat(status(parts[0] + "." + escalated + "." + parts[2]))
                .as("claims changed under Keycloak's signature")
                .isEqualTo(401);

        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        var pair = keys.generateKeyPair();
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(pair.getPrivate());
        signature.update((parts[0] + "." + escalated).getBytes(StandardCharsets.US_ASCII));
        assertThat(status(parts[0] + "." + escalated + "." + base64(signature.sign())))
                .as("signed with a key that is not the realm's")
                .isEqualTo(401);

        String master = com.monstermart.cdp.localstack.Http.postForm(
                        endpoints.keycloak().url() + "/realms/master/protocol/openid-connect/token",
                        java.util.Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "admin-cli",
                                "username",
                                endpoints.keycloak().adminUser(),
                                "password",
                                endpoints.keycloak().adminPassword()))
                .json()
                .get("access_token")
                .asText();
        assertThat(status(master)).as("a token of another realm").isEqualTo(401);

        AccessToken services = stack.token(new StackEndpoints.ServiceAccount(
                endpoints.keycloak().serviceClientId(), endpoints.keycloak().serviceClientSecret()));
        assertThat(status(services.value()))
                .as("a token of the realm not addressed to Trino (audience cdp-api only)")
                .isEqualTo(401);
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        StackEndpoints.ServiceAccount shortLived = stack.createServiceAccount(Duration.ofSeconds(6), "analyst");
        AccessToken token = stack.token(shortLived);
        assertThat(status(token.value())).as("before it expires").isEqualTo(200);

        Thread.sleep(
                Math.max(0, Duration.between(Instant.now(), token.expiresAt()).toMillis()) + 2_000);

        assertThat(status(token.value())).as("after it expired").isEqualTo(401);
    }

    @Test
    void analystsReadIcebergCdpAndCannotChangeIt() throws SQLException {
        RealmUser analyst = stack.createRealmUser("analyst");
        try (Connection trino = stack.trino(analyst.credentials(), "cdp")) {
            assertThat(rows(trino, "SELECT id, name FROM iceberg.cdp." + table)).containsExactly(List.of("1", "boo"));
            assertThat(rows(trino, "SELECT current_user")).containsExactly(List.of(analyst.username()));

            assertDenied(
                    trino, "CREATE TABLE iceberg.cdp.%s_copy AS SELECT * FROM iceberg.cdp.%s".formatted(table, table));
            assertDenied(trino, "INSERT INTO iceberg.cdp.%s VALUES (2, 'ghoul')".formatted(table));
            assertDenied(trino, "DELETE FROM iceberg.cdp." + table);
            assertDenied(trino, "ALTER TABLE iceberg.cdp.%s ADD COLUMN note varchar".formatted(table));
            assertDenied(trino, "DROP TABLE iceberg.cdp." + table);
            assertDenied(trino, "CREATE SCHEMA iceberg." + CdpStack.uniqueName("not_a_sandbox"));
        }
    }

    @Test
    void anAnalystCreatesAndWritesInItsOwnSandboxOnly() throws SQLException {
        RealmUser ana = stack.createRealmUser("analyst");
        RealmUser bob = stack.createRealmUser("analyst");
        String sandbox = "iceberg.\"sandbox_%s\"".formatted(ana.username());
        try (Connection trino = stack.trino(ana.credentials(), "cdp");
                Connection other = stack.trino(bob.credentials(), "cdp")) {
            execute(trino, "CREATE SCHEMA " + sandbox);
            try {
                execute(trino, "CREATE TABLE %s.monsters AS SELECT * FROM iceberg.cdp.%s".formatted(sandbox, table));
                execute(trino, "INSERT INTO %s.monsters VALUES (2, 'ghoul')".formatted(sandbox));
                execute(trino, "DELETE FROM %s.monsters WHERE id = 1".formatted(sandbox));
                assertThat(rows(trino, "SELECT id, name FROM %s.monsters".formatted(sandbox)))
                        .containsExactly(List.of("2", "ghoul"));

                assertDenied(other, "SELECT * FROM %s.monsters".formatted(sandbox));
                assertDenied(other, "INSERT INTO %s.monsters VALUES (3, 'imp')".formatted(sandbox));
                assertDenied(other, "CREATE TABLE %s.mine (id integer)".formatted(sandbox));
                assertDenied(other, "DROP SCHEMA %s CASCADE".formatted(sandbox));
                assertThat(rows(other, "SHOW SCHEMAS FROM iceberg"))
                        .as("another analyst's sandbox is not even listed")
                        .doesNotContain(List.of("sandbox_" + ana.username()));
            } finally {
                execute(trino, "DROP TABLE IF EXISTS %s.monsters".formatted(sandbox));
                execute(trino, "DROP SCHEMA " + sandbox);
            }
        }
    }

    @Test
    void theAnalyticsServiceAccountWritesItsSchemasAndOnlyReadsCdp() throws SQLException {
        StackEndpoints.ServiceAccount analytics = endpoints.keycloak().analytics();
        String schema = "iceberg." + CdpStack.uniqueName("analytics_test");
        RealmUser analyst = stack.createRealmUser("analyst");
        try (Connection trino = stack.trino(analytics, "cdp");
                Connection analystTrino = stack.trino(analyst.credentials(), "cdp")) {
            assertThat(rows(trino, "SELECT current_user")).containsExactly(List.of(analytics.username()));
            execute(trino, "CREATE SCHEMA " + schema);
            try {
                execute(trino, "CREATE TABLE %s.customers AS SELECT * FROM iceberg.cdp.%s".formatted(schema, table));
                execute(trino, "INSERT INTO %s.customers VALUES (2, 'ghoul')".formatted(schema));
                assertThat(rows(trino, "SELECT count(*) FROM %s.customers".formatted(schema)))
                        .containsExactly(List.of("2"));

                assertDenied(trino, "INSERT INTO iceberg.cdp.%s VALUES (3, 'imp')".formatted(table));
                assertDenied(trino, "CREATE TABLE iceberg.cdp.%s_runner (id integer)".formatted(table));
                assertDenied(analystTrino, "INSERT INTO %s.customers VALUES (3, 'imp')".formatted(schema));
            } finally {
                execute(trino, "DROP TABLE IF EXISTS %s.customers".formatted(schema));
                execute(trino, "DROP SCHEMA " + schema);
            }
        }
    }

    @Test
    void administratorsMayDoEverything() throws SQLException {
        RealmUser admin = stack.createRealmUser("admin");
        RealmUser ana = stack.createRealmUser("analyst");
        String sandbox = "iceberg.\"sandbox_%s\"".formatted(ana.username());
        String schema = "iceberg." + CdpStack.uniqueName("admin_test");
        try (Connection trino = stack.trino(admin.credentials(), "cdp");
                Connection analyst = stack.trino(ana.credentials(), "cdp")) {
            execute(trino, "CREATE SCHEMA " + schema);
            execute(trino, "CREATE TABLE %s.t AS SELECT * FROM iceberg.cdp.%s".formatted(schema, table));
            execute(trino, "INSERT INTO iceberg.cdp.%s VALUES (2, 'ghoul')".formatted(table));
            execute(trino, "DELETE FROM iceberg.cdp.%s WHERE id = 2".formatted(table));
            execute(analyst, "CREATE SCHEMA " + sandbox);
            execute(analyst, "CREATE TABLE %s.t (id integer)".formatted(sandbox));
            assertThat(rows(trino, "SELECT count(*) FROM %s.t".formatted(sandbox)))
                    .as("an administrator reads an analyst's sandbox")
                    .containsExactly(List.of("0"));
            execute(trino, "DROP TABLE %s.t".formatted(sandbox));
            execute(trino, "DROP SCHEMA " + sandbox);
            execute(trino, "DROP TABLE %s.t".formatted(schema));
            execute(trino, "DROP SCHEMA " + schema);
            assertThat(rows(trino, "SELECT count(*) FROM system.runtime.nodes")).isNotEmpty();
        }
    }

    @Test
    void peopleWithoutARoleForTrinoSeeNoCatalog() throws SQLException {
        RealmUser marketer = stack.createRealmUser("marketer");
        try (Connection trino = stack.trino(marketer.credentials(), "cdp")) {
            assertDenied(trino, "SELECT * FROM iceberg.cdp." + table);
        }
    }

    /** {@code ./cdp trino --execute} as the launcher runs it: the real Trino CLI, signed in as a realm user. */
    @Test
    void theCdpTrinoCommandRunsAStatementSignedIn() throws Exception {
        RealmUser analyst = stack.createRealmUser("analyst");
        CommandResult result = cdp(
                List.of(
                        "trino",
                        "--user",
                        analyst.username(),
                        "--execute",
                        "SELECT current_user, name FROM iceberg.cdp." + table),
                analyst.password());
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.standardOutput()).isEqualTo("\"%s\",\"boo\"%n".formatted(analyst.username()));

        RealmUser marketer = stack.createRealmUser("marketer");
        CommandResult denied = cdp(
                List.of("trino", "--user", marketer.username(), "--execute", "SELECT * FROM iceberg.cdp." + table),
                marketer.password());
        assertThat(denied.exitCode()).isNotZero();
        assertThat(denied.output()).contains("Access Denied: Cannot access catalog iceberg");
    }

    private record CommandResult(int exitCode, String standardOutput, String output) {}

    private static CommandResult cdp(List<String> arguments, String password) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dcdp.home=" + CdpStack.home(),
                "-cp",
                System.getProperty("java.class.path"),
                "com.monstermart.cdp.localstack.cli.Cdp"));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(stack.environment());
        builder.environment().put("CDP_TRINO_PASSWORD", password);
        Path errors = java.nio.file.Files.createTempFile("cdp-trino", ".err");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        String error = java.nio.file.Files.readString(errors);
        java.nio.file.Files.delete(errors);
        return new CommandResult(process.exitValue(), output, output + error);
    }

    /** The HTTP status Trino answers a statement with, given this bearer token (or none). */
    private static int status(String token) throws Exception {
        HttpClient client = HttpClient.newBuilder()
                .sslContext(TrinoTls.sslContext(Path.of(endpoints.trino().certificate())))
                .build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoints.trinoUrl() + "/v1/statement"))
                .header("X-Trino-User", "analyst")
                .POST(HttpRequest.BodyPublishers.ofString("SELECT 1"));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    private static List<List<String>> query(Properties properties, String sql) throws SQLException {
        try (Connection connection = new io.trino.jdbc.TrinoDriver()
                .connect(TrinoJdbc.url(endpoints.trino(), "iceberg", "cdp"), properties)) {
            return rows(connection, sql);
        }
    }

    private static void assertDenied(Connection trino, String sql) {
        assertThatThrownBy(() -> execute(trino, sql))
                .as(sql)
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("Access Denied");
    }

    private static void execute(Connection trino, String sql) throws SQLException {
        try (Statement statement = trino.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<List<String>> rows(Connection trino, String sql) throws SQLException {
        try (Statement statement = trino.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            List<List<String>> rows = new ArrayList<>();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.add(result.getString(i));
                }
                rows.add(row);
            }
            return rows;
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
