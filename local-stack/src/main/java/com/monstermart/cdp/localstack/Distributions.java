package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The server distributions the build resolved (module {@code local-stack/servers}), unpacked on first use into
 * the distribution directory. Unpacking is guarded by a file lock, so stacks of several JVMs share one copy.
 */
public final class Distributions {
    private static final String RESOURCE = "/META-INF/cdp-local-stack/servers.properties";

    private final Properties servers;
    private final Path directory;

    private Distributions(Properties servers, Path directory) {
        this.servers = servers;
        this.directory = directory;
    }

    public static Distributions load(Path directory) {
        requireNonNull(directory, "directory is null");
        Properties servers = new Properties();
        try (InputStream input = Distributions.class.getResourceAsStream(RESOURCE)) {
            if (input == null) {
                throw new StackException(
                        "The server list %s is not on the class path: build the launcher with ./mvnw -pl local-stack -am package"
                                .formatted(RESOURCE));
            }
            servers.load(input);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Distributions(servers, directory);
    }

    public String version(String server) {
        return property(server + ".version");
    }

    /** Kafka's class path: the broker's jars in the local Maven repository. */
    public String kafkaClassPath() {
        String classPath = property("kafka.classpath");
        for (String entry : classPath.split(java.io.File.pathSeparator)) {
            requireFile(Path.of(entry), "kafka");
        }
        return classPath;
    }

    public Path greenMailJar() {
        return requireFile(Path.of(property("greenmail.jar")), "greenmail");
    }

    /** Trino's server {@code lib/} and the Iceberg plugin under {@code plugin/iceberg}. */
    public Path trinoHome() {
        Path home = directory.resolve("trino-server-" + version("trino"));
        unpackOnce(home, target -> {
            // The tarball's plugin/ holds hard links that unpack badly, and bin/ is the launcher we do not use.
            run(List.of(
                    "tar",
                    "-xzf",
                    requireFile(Path.of(property("trino.server")), "trino").toString(),
                    "-C",
                    target.toString(),
                    "--strip-components=1",
                    "--exclude=*/plugin/*",
                    "--exclude=*/bin/*"));
            unzip(requireFile(Path.of(property("trino.iceberg-plugin")), "trino"), target.resolve("plugin/iceberg"));
        });
        return home;
    }

    /** The Trino CLI's executable jar ({@code ./cdp trino}). */
    public Path trinoCli() {
        return requireFile(Path.of(property("trino.cli")), "trino");
    }

    /** A Keycloak distribution; instances share its {@code lib/} (see {@link KeycloakServer}). */
    public Path keycloakHome() {
        Path home = directory.resolve("keycloak-" + version("keycloak"));
        unpackOnce(
                home,
                target -> run(List.of(
                        "tar",
                        "-xzf",
                        requireFile(Path.of(property("keycloak.distribution")), "keycloak")
                                .toString(),
                        "-C",
                        target.toString(),
                        "--strip-components=1")));
        return home;
    }

    /** Runs an action under the distribution directory's lock (e.g. Keycloak's one-time build step). */
    public <T> T withLock(String name, java.util.function.Supplier<T> action) {
        try {
            Files.createDirectories(directory);
            try (FileChannel channel = FileChannel.open(
                            directory.resolve("." + name + ".lock"),
                            StandardOpenOption.CREATE,
                            StandardOpenOption.WRITE);
                    FileLock ignored = channel.lock()) {
                return action.get();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface Unpacker {
        void unpack(Path target) throws IOException;
    }

    private void unpackOnce(Path home, Unpacker unpacker) {
        Path marker = home.resolve(".unpacked");
        if (Files.exists(marker)) {
            return;
        }
        withLock(home.getFileName().toString(), () -> {
            if (Files.exists(marker)) {
                return null;
            }
            Path temporary = home.resolveSibling(home.getFileName() + ".partial");
            try {
                deleteRecursively(temporary);
                deleteRecursively(home);
                Files.createDirectories(temporary);
                unpacker.unpack(temporary);
                Files.createFile(temporary.resolve(".unpacked"));
                Files.move(temporary, home);
            } catch (IOException e) {
                throw new StackException("Cannot unpack %s: %s".formatted(home.getFileName(), e.getMessage()), e);
            }
            return null;
        });
    }

    private static void unzip(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream input = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = input.getNextEntry(); entry != null; entry = input.getNextEntry()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String stripped = slash < 0 ? "" : name.substring(slash + 1);
                if (stripped.isEmpty()) {
                    continue;
                }
                Path destination = target.resolve(stripped).normalize();
                if (!destination.startsWith(target)) {
                    throw new IOException("Zip entry outside the target directory: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                } else {
                    Files.createDirectories(destination.getParent());
                    Files.copy(input, destination);
                }
            }
        }
    }

    private static void run(List<String> command) throws IOException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        try {
            if (process.waitFor() != 0) {
                throw new IOException("%s failed: %s".formatted(String.join(" ", command), output.strip()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while unpacking", e);
        }
    }

    /** Deletes a file or a directory tree (links themselves, not their targets); nothing if it does not exist. */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path each : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }

    private String property(String key) {
        String value = servers.getProperty(key);
        if (value == null || value.isBlank() || value.contains("${")) {
            throw new StackException(
                    "The build did not resolve '%s': rebuild with ./mvnw -pl local-stack -am package".formatted(key));
        }
        return value;
    }

    private static Path requireFile(Path file, String server) {
        if (!Files.isRegularFile(file)) {
            throw new StackException(
                    "The %s distribution %s is missing from the local Maven repository: rebuild with ./mvnw -pl local-stack -am package"
                            .formatted(server, file));
        }
        return file;
    }
}
