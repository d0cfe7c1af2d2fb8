package com.monstermart.cdp.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A single-node Trino (coordinator and worker) with an {@code iceberg} catalog on the JDBC catalog in PostgreSQL and a
 * warehouse on the local file system. Launched directly (not through Trino's Python-free launcher binary), with
 * {@code lib/} shared from the unpacked distribution.
 *
 * <p>Signed in only: HTTPS with a self-signed certificate ({@link TrinoTls}); callers present an access token of
 * realm {@code cdp}, checked by Trino's JWT authenticator against the realm's keys; the caller's groups are their
 * realm roles (the {@code cdp-keycloak-roles} group provider of module {@code local-stack/trino-access}); what each
 * role may do is in {@code trino/rules.json} (Trino's file-based access control) and the {@code cdp-sandbox} access
 * control of the same module (docs/decisions/0013-trino-behind-keycloak.md).
 */
final class TrinoServer extends ProcessComponent {
    static final String NAME = "trino";
    private static final String RULES_RESOURCE = "/trino/rules.json";
    /** The access-control plugin's directory, as module local-stack/trino-access builds it. */
    static final Path ACCESS_PLUGIN = Path.of("local-stack", "trino-access", "target", "trino-plugin");

    TrinoServer(StackContext context) {
        super(context, NAME);
    }

    @Override
    public List<String> requires() {
        return List.of(PostgresServer.NAME, KeycloakServer.NAME);
    }

    @Override
    public List<Integer> ports() {
        return List.of(context.settings().ports().trino());
    }

    @Override
    public String location() {
        return context.endpoints().trinoUrl() + " (./cdp trino; JDBC "
                + TrinoJdbc.url(context.endpoints().trino(), "iceberg", "cdp") + " with SSL and a token)";
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofMinutes(4);
    }

    private Path etc() {
        return directory().resolve("etc");
    }

    @Override
    protected void prepare() throws IOException {
        Path home = context.distributions().trinoHome();
        int port = context.settings().ports().trino();
        Files.createDirectories(etc().resolve("catalog"));
        Files.createDirectories(directory().resolve("data"));
        Path warehouse =
                Path.of(java.net.URI.create(context.endpoints().iceberg().warehouse()));
        Files.createDirectories(warehouse);
        TrinoTls.createIfAbsent(directory());
        Path plugins = plugins(home);
        StackEndpoints.Keycloak keycloak = context.endpoints().keycloak();
        writePrivate(etc().resolve("config.properties"), """
                # Written by ./cdp at every start.
                coordinator=true
                node-scheduler.include-coordinator=true
                # HTTPS only: Trino signs callers in only over TLS (self-signed certificate in ../tls).
                http-server.http.enabled=false
                http-server.https.enabled=true
                http-server.https.port=%1$d
                http-server.https.keystore.path=%3$s
                http-server.https.keystore.key=%4$s
                discovery.uri=https://%2$s:%1$d
                internal-communication.shared-secret=%5$s
                internal-communication.https.required=true
                internal-communication.https.keystore.path=%3$s
                internal-communication.https.keystore.key=%4$s
                internal-communication.https.truststore.path=%3$s
                internal-communication.https.truststore.key=%4$s
                # Callers present an access token of realm cdp (a JWT), checked against the realm's keys (JWKS); the
                # user is the token's preferred_username, the groups are the user's realm roles (group provider of
                # local-stack/trino-access, etc/group-provider.properties). See docs/decisions/0013-trino-behind-keycloak.md.
                http-server.authentication.type=jwt
                http-server.authentication.jwt.key-file=%6$s/protocol/openid-connect/certs
                http-server.authentication.jwt.required-issuer=%6$s
                http-server.authentication.jwt.required-audience=%7$s
                http-server.authentication.jwt.principal-field=preferred_username
                access-control.config-files=%8$s,%9$s
                plugin.dir=%10$s
                catalog.config-dir=%11$s
                query.max-memory=1GB
                query.max-memory-per-node=1GB
                """.formatted(
                        port,
                        StackSettings.HOST,
                        TrinoTls.keystore(directory()),
                        TrinoTls.keystorePassword(directory()),
                        secret("shared-secret"),
                        keycloak.issuer(),
                        StackContext.TRINO_CLIENT_ID,
                        etc().resolve("rules-access-control.properties"),
                        etc().resolve("sandbox-access-control.properties"),
                        plugins,
                        etc().resolve("catalog")));
        writePrivate(etc().resolve("group-provider.properties"), """
                # A user's Trino groups are their realm roles, read from Keycloak by client cdp-trino's service account.
                group-provider.name=cdp-keycloak-roles
                cdp-keycloak.url=%s
                cdp-keycloak.realm=%s
                cdp-keycloak.client-id=%s
                cdp-keycloak.client-secret=%s
                cdp-keycloak.cache-ttl-seconds=10
                """.formatted(
                keycloak.url(), keycloak.realm(), StackContext.TRINO_CLIENT_ID, StackContext.TRINO_CLIENT_SECRET));
        Files.writeString(
                etc().resolve("rules-access-control.properties"),
                """
                # Trino's file-based access control: what each realm role (group) may do; see rules.json.
                access-control.name=file
                security.config-file=%s
                security.refresh-period=5s
                """.formatted(etc().resolve("rules.json")),
                StandardCharsets.UTF_8);
        Files.writeString(etc().resolve("sandbox-access-control.properties"), """
                # Each analyst's sandbox schema iceberg.sandbox_<user> is theirs alone (module local-stack/trino-access).
                access-control.name=cdp-sandbox
                cdp-sandbox.catalog=iceberg
                cdp-sandbox.schema-prefix=sandbox_
                cdp-sandbox.bypass-groups=admin
                """, StandardCharsets.UTF_8);
        try (var rules = TrinoServer.class.getResourceAsStream(RULES_RESOURCE)) {
            if (rules == null) {
                throw new StackException("The access rules " + RULES_RESOURCE + " are missing from the launcher");
            }
            Files.write(etc().resolve("rules.json"), rules.readAllBytes());
        }
        Files.writeString(etc().resolve("log.properties"), """
                io.trino=INFO
                io.airlift=WARN
                org.apache.iceberg=WARN
                """, StandardCharsets.UTF_8);
        StackEndpoints endpoints = context.endpoints();
        Files.writeString(
                etc().resolve("catalog/iceberg.properties"),
                """
                # The Iceberg JDBC catalog shared with the platform's Java writers (same catalog name and warehouse).
                connector.name=iceberg
                iceberg.catalog.type=jdbc
                iceberg.jdbc-catalog.driver-class=org.postgresql.Driver
                iceberg.jdbc-catalog.connection-url=%s
                iceberg.jdbc-catalog.connection-user=%s
                iceberg.jdbc-catalog.connection-password=%s
                iceberg.jdbc-catalog.catalog-name=%s
                iceberg.jdbc-catalog.default-warehouse-dir=%s
                iceberg.format-version=2
                fs.native-local.enabled=true
                local.location=/
                """.formatted(
                                endpoints.iceberg().jdbcUrl(),
                                endpoints.postgres().user(),
                                endpoints.postgres().password(),
                                endpoints.iceberg().catalogName(),
                                endpoints.iceberg().warehouse()),
                StandardCharsets.UTF_8);
    }

    /**
     * This stack's plugin directory: the distribution's Iceberg plugin (linked) and a copy of the access-control
     * plugin (copied, so a rebuild cannot change the jars under a running server).
     */
    private Path plugins(Path home) throws IOException {
        Path built = context.settings().home().resolve(ACCESS_PLUGIN);
        if (!Files.isDirectory(built)) {
            throw new StackException(("Trino's access-control plugin is not built (%s is missing):"
                            + " run ./mvnw -pl local-stack -am package -DskipTests")
                    .formatted(built));
        }
        Path plugins = directory().resolve("plugin");
        Files.createDirectories(plugins);
        Path iceberg = plugins.resolve("iceberg");
        Path icebergTarget = home.resolve("plugin/iceberg");
        if (!Files.isSymbolicLink(iceberg) || !Files.readSymbolicLink(iceberg).equals(icebergTarget)) {
            Distributions.deleteRecursively(iceberg);
            Files.createSymbolicLink(iceberg, icebergTarget);
        }
        Path access = plugins.resolve("cdp-access");
        Distributions.deleteRecursively(access);
        Files.createDirectories(access);
        try (var jars = Files.list(built)) {
            for (Path jar :
                    jars.filter(file -> file.toString().endsWith(".jar")).toList()) {
                Files.copy(jar, access.resolve(jar.getFileName()));
            }
        }
        return plugins;
    }

    /** A random secret made on the first start and kept (owner only) in Trino's directory. */
    private String secret(String name) throws IOException {
        Path file = directory().resolve("tls").resolve(name);
        if (!Files.exists(file)) {
            writePrivate(file, TrinoTls.randomSecret() + "\n");
        }
        return Files.readString(file).strip();
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(
                temporary,
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temporary, content, StandardCharsets.UTF_8);
        Files.move(temporary, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    protected ProcessControl.Launch launch() {
        Path home = context.distributions().trinoHome();
        List<String> command =
                new ArrayList<>(context.javaCommand(context.settings().heaps().trino()));
        command.addAll(List.of(
                "-XX:+UseG1GC",
                "-XX:G1HeapRegionSize=32M",
                "-XX:+ExplicitGCInvokesConcurrent",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:-OmitStackTraceInFastThrow",
                "-XX:ReservedCodeCacheSize=256M",
                "-XX:PerMethodRecompilationCutoff=10000",
                "-XX:PerBytecodeRecompilationCutoff=10000",
                "-XX:+EnableDynamicAgentLoading",
                "-Djdk.attach.allowAttachSelf=true",
                "-Djdk.nio.maxCachedBufferSize=2000000",
                "-Dfile.encoding=UTF-8",
                "--enable-native-access=ALL-UNNAMED",
                "--sun-misc-unsafe-memory-access=allow",
                "--add-opens=java.base/java.nio=ALL-UNNAMED",
                "-Dnode.environment=cdp",
                "-Dnode.id=cdp-local",
                "-Dnode.bind-ip=" + StackSettings.HOST,
                "-Dnode.internal-address=" + StackSettings.HOST,
                "-Dnode.data-dir=" + directory().resolve("data"),
                "-Dlog.levels-file=" + etc().resolve("log.properties"),
                "-Dconfig=" + etc().resolve("config.properties"),
                "-cp",
                home.resolve("lib") + "/*",
                "io.trino.server.TrinoServer"));
        return new ProcessControl.Launch(name(), command, directory(), Map.of(), logFile());
    }

    /**
     * Ready when a node is active and the Iceberg catalog answers, asked over HTTPS by the operations service
     * account (so TLS, sign-in and the access rules are part of readiness).
     */
    @Override
    public Health probe() {
        try {
            StackEndpoints endpoints = context.endpoints();
            TrinoHttp trino = new TrinoHttp(
                    endpoints.trino(),
                    new KeycloakTokens(endpoints.keycloak()),
                    endpoints.keycloak().operations());
            List<List<JsonNode>> nodes =
                    trino.query("SELECT count(*) FROM system.runtime.nodes WHERE state = 'active'");
            if (nodes.isEmpty() || nodes.get(0).get(0).asLong() < 1) {
                return Health.unhealthy("no active node yet");
            }
            trino.query("SHOW SCHEMAS FROM iceberg");
            return Health.healthy("1 active node, iceberg catalog answers over HTTPS to a signed-in caller");
        } catch (IOException | RuntimeException e) {
            return Health.unhealthy(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
