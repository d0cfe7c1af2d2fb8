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
 * A single-node Trino (coordinator and worker) with an {@code iceberg} catalog on the JDBC catalog in
 * PostgreSQL and a warehouse on the local file system. Launched directly (not through Trino's Python-free
 * launcher binary), with {@code lib/} and {@code plugin/} shared from the unpacked distribution.
 */
final class TrinoServer extends ProcessComponent {
    static final String NAME = "trino";

    TrinoServer(StackContext context) {
        super(context, NAME);
    }

    @Override
    public List<String> requires() {
        return List.of(PostgresServer.NAME);
    }

    @Override
    public List<Integer> ports() {
        return List.of(context.settings().ports().trino());
    }

    @Override
    public String location() {
        return context.endpoints().trinoUrl()
                + " (jdbc:trino://%s:%d/iceberg)"
                        .formatted(
                                StackSettings.HOST, context.settings().ports().trino());
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
        Files.writeString(
                etc().resolve("config.properties"),
                """
                # Written by ./cdp at every start.
                coordinator=true
                node-scheduler.include-coordinator=true
                http-server.http.port=%1$d
                discovery.uri=http://%2$s:%1$d
                plugin.dir=%3$s
                catalog.config-dir=%4$s
                query.max-memory=1GB
                query.max-memory-per-node=1GB
                """.formatted(port, StackSettings.HOST, home.resolve("plugin"), etc().resolve("catalog")),
                StandardCharsets.UTF_8);
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

    /** Ready when a node is active and the Iceberg catalog answers. */
    @Override
    public Health probe() {
        try {
            TrinoHttp trino = new TrinoHttp(context.endpoints().trinoUrl());
            List<List<JsonNode>> nodes =
                    trino.query("SELECT count(*) FROM system.runtime.nodes WHERE state = 'active'");
            if (nodes.isEmpty() || nodes.get(0).get(0).asLong() < 1) {
                return Health.unhealthy("no active node yet");
            }
            trino.query("SHOW SCHEMAS FROM iceberg");
            return Health.healthy("1 active node, iceberg catalog answers");
        } catch (IOException | RuntimeException e) {
            return Health.unhealthy(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
