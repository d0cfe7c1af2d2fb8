package com.monstermart.cdp.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Keycloak in development mode with the {@code cdp} realm imported at start.
 *
 * <p>An instance directory holds its own {@code bin/}, {@code conf/}, {@code data/} and build output
 * ({@code lib/quarkus}); the 170 MB of jars stay in the unpacked distribution and are linked. The first start
 * of a Keycloak distribution runs a ~40 s build step; its output is kept next to the distribution, so later
 * instances (such as test JVMs' private stacks) start in seconds.
 */
final class KeycloakServer extends ProcessComponent {
    static final String NAME = "keycloak";
    private static final String REALM_RESOURCE = "/keycloak/cdp-realm.json";
    private static final String DEMO_USER = "admin";

    KeycloakServer(StackContext context) {
        super(context, NAME);
    }

    @Override
    public List<String> requires() {
        return List.of();
    }

    @Override
    public List<Integer> ports() {
        return List.of(
                context.settings().ports().keycloak(),
                context.settings().ports().keycloakManagement());
    }

    @Override
    public String location() {
        return context.endpoints().keycloak().url() + "/admin/ (realm cdp)";
    }

    @Override
    public Duration startTimeout() {
        return Duration.ofMinutes(4);
    }

    private Path builtCache(Path distribution) {
        return distribution.resolveSibling(distribution.getFileName() + "-dev-build");
    }

    @Override
    protected void prepare() throws IOException {
        Path distribution = context.distributions().keycloakHome();
        Path instance = directory();
        for (String copied : List.of("bin", "conf")) {
            if (!Files.exists(instance.resolve(copied))) {
                copyTree(distribution.resolve(copied), instance.resolve(copied));
            }
        }
        for (String linked : List.of("providers", "themes", "version.txt")) {
            link(instance.resolve(linked), distribution.resolve(linked));
        }
        Path lib = instance.resolve("lib");
        Files.createDirectories(lib);
        link(lib.resolve("lib"), distribution.resolve("lib/lib"));
        for (String copied : List.of("app", "quarkus-run.jar")) {
            if (!Files.exists(lib.resolve(copied))) {
                copyTree(distribution.resolve("lib").resolve(copied), lib.resolve(copied));
            }
        }
        if (!Files.exists(lib.resolve("quarkus"))) {
            Path cache = builtCache(distribution);
            copyTree(Files.isDirectory(cache) ? cache : distribution.resolve("lib/quarkus"), lib.resolve("quarkus"));
        }
        importRealm(instance.resolve("data"));
    }

    /**
     * Keycloak skips the import of a realm that exists, so a changed realm file means starting from an empty
     * database (the local stack's users are all in the realm file).
     */
    private static void importRealm(Path data) throws IOException {
        byte[] realm;
        try (InputStream input = KeycloakServer.class.getResourceAsStream(REALM_RESOURCE)) {
            if (input == null) {
                throw new StackException("The realm file " + REALM_RESOURCE + " is missing from the launcher");
            }
            realm = input.readAllBytes();
        }
        Path imports = data.resolve("import");
        Files.createDirectories(imports);
        Path digestFile = data.resolve("imported-realm.sha256");
        String digest = sha256(realm);
        if (Files.exists(digestFile)
                && !digest.equals(Files.readString(digestFile).strip())) {
            Distributions.deleteRecursively(data.resolve("h2"));
        }
        Files.write(imports.resolve("cdp-realm.json"), realm);
        Files.writeString(digestFile, digest + "\n");
    }

    @Override
    protected ProcessControl.Launch launch() {
        StackSettings.Ports ports = context.settings().ports();
        String host = StackSettings.HOST;
        List<String> command = List.of(
                directory().resolve("bin/kc.sh").toString(),
                "start-dev",
                "--http-host=" + host,
                "--http-port=" + ports.keycloak(),
                "--http-management-host=" + host,
                "--http-management-port=" + ports.keycloakManagement(),
                "--health-enabled=true",
                "--metrics-enabled=true",
                "--import-realm",
                // Always set: otherwise the token issuer follows each caller's Host header.
                "--hostname=" + context.endpoints().keycloak().url(),
                "--log-console-color=false");
        Map<String, String> environment = Map.of(
                "JAVA_HOME", System.getProperty("java.home"),
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx" + context.settings().heaps().keycloak(),
                "JAVA_OPTS_APPEND", "-XX:TieredStopAtLevel=1 -Djava.net.preferIPv4Stack=true " + context.stackMarker(),
                "KC_BOOTSTRAP_ADMIN_USERNAME", context.endpoints().keycloak().adminUser(),
                "KC_BOOTSTRAP_ADMIN_PASSWORD", context.endpoints().keycloak().adminPassword());
        return new ProcessControl.Launch(name(), command, directory(), environment, logFile());
    }

    /** Ready when the health check is UP and a demo user gets a token carrying its role. */
    @Override
    public Health probe() {
        StackEndpoints.Keycloak keycloak = context.endpoints().keycloak();
        try {
            Http.Response health = Http.get(keycloak.managementUrl() + "/health/ready", Map.of());
            if (health.status() != 200) {
                return Health.unhealthy("health check answered HTTP " + health.status());
            }
            JsonNode token = Http.postForm(
                            keycloak.tokenUrl(),
                            Map.of(
                                    "grant_type",
                                    "password",
                                    "client_id",
                                    keycloak.cliClientId(),
                                    "username",
                                    DEMO_USER,
                                    "password",
                                    DEMO_USER))
                    .requireSuccess("The token endpoint")
                    .json();
            if (!token.hasNonNull("access_token")) {
                return Health.unhealthy("no access token issued");
            }
            return Health.healthy("realm cdp issues tokens");
        } catch (IOException | RuntimeException e) {
            return Health.unhealthy(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /** Keeps the first build's output for later instances. */
    @Override
    public void afterReady() {
        Path distribution = context.distributions().keycloakHome();
        Path cache = builtCache(distribution);
        if (Files.isDirectory(cache)) {
            return;
        }
        context.distributions().withLock("keycloak-dev-build", () -> {
            try {
                if (!Files.isDirectory(cache)) {
                    Path temporary = cache.resolveSibling(cache.getFileName() + ".partial");
                    Distributions.deleteRecursively(temporary);
                    copyTree(directory().resolve("lib/quarkus"), temporary);
                    Files.move(temporary, cache, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
    }

    private static void link(Path link, Path target) throws IOException {
        if (Files.isSymbolicLink(link)) {
            if (Files.readSymbolicLink(link).equals(target)) {
                return;
            }
            Files.delete(link);
        } else if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
            Distributions.deleteRecursively(link);
        }
        Files.createSymbolicLink(link, target);
    }

    private static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path each : walk.toList()) {
                Path destination = target.resolve(source.relativize(each).toString());
                if (Files.isDirectory(each)) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(
                            each, destination, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
