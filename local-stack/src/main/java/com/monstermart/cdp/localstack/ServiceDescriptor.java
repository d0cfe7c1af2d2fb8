package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

/**
 * How a module of the platform declares a service for {@code ./cdp up}: a {@code cdp-service.properties} file in
 * the module's folder. See {@code docs/operations/local-stack.md} for the keys and placeholders.
 *
 * @param moduleDirectory where the command runs
 * @param artifact a file the build produces; until it exists the service is reported as not built
 * @param command the command line, split on whitespace, with placeholders like {@code ${port}}
 * @param health a URL that answers HTTP 200 when the service is ready
 * @param startTimeout how long a start may take (key {@code start-timeout}, seconds, default 120)
 * @param environment extra environment variables (keys {@code env.NAME}), with placeholders
 */
public record ServiceDescriptor(
        String name,
        String description,
        Path moduleDirectory,
        int order,
        List<String> requires,
        int defaultPort,
        Path artifact,
        String command,
        String health,
        java.time.Duration startTimeout,
        Map<String, String> environment) {
    public static final String FILE_NAME = "cdp-service.properties";
    private static final Set<String> SKIPPED_DIRECTORIES = Set.of("target", "node_modules", "src", "docs");

    public ServiceDescriptor {
        requireNonNull(name, "name is null");
        requireNonNull(description, "description is null");
        requireNonNull(moduleDirectory, "moduleDirectory is null");
        requires = List.copyOf(requires);
        requireNonNull(startTimeout, "startTimeout is null");
        requireNonNull(artifact, "artifact is null");
        requireNonNull(command, "command is null");
        requireNonNull(health, "health is null");
        environment = Map.copyOf(environment);
    }

    /** The descriptors in the repository's module folders (one and two levels deep), in start order. */
    public static List<ServiceDescriptor> discover(Path home) {
        List<ServiceDescriptor> descriptors = new ArrayList<>();
        try (Stream<Path> files = Files.walk(home, 3)) {
            for (Path file : files.filter(path -> path.getFileName().toString().equals(FILE_NAME))
                    .filter(path -> isModuleFile(home, path))
                    .toList()) {
                descriptors.add(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        descriptors.sort(Comparator.comparingInt(ServiceDescriptor::order).thenComparing(ServiceDescriptor::name));
        return descriptors;
    }

    private static boolean isModuleFile(Path home, Path file) {
        Path relative = home.relativize(file);
        for (Path part : relative.getParent() == null ? List.<Path>of() : List.of(relative.getParent())) {
            for (Path segment : part) {
                String name = segment.toString();
                if (name.startsWith(".") || SKIPPED_DIRECTORIES.contains(name)) {
                    return false;
                }
            }
        }
        return true;
    }

    public static ServiceDescriptor read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path module = file.toAbsolutePath().getParent();
        Map<String, String> environment = new LinkedHashMap<>();
        properties.stringPropertyNames().stream()
                .filter(key -> key.startsWith("env."))
                .sorted()
                .forEach(key -> environment.put(key.substring("env.".length()), properties.getProperty(key)));
        String name = required(properties, "name", file);
        if (!name.matches("[a-z][a-z0-9-]*")) {
            throw new StackException(
                    "%s: name '%s' must be lower-case letters, digits and dashes".formatted(file, name));
        }
        return new ServiceDescriptor(
                name,
                properties.getProperty("description", name),
                module,
                Integer.parseInt(properties.getProperty("order", "100")),
                Arrays.stream(properties.getProperty("requires", "").split(","))
                        .map(String::strip)
                        .filter(each -> !each.isEmpty())
                        .toList(),
                Integer.parseInt(required(properties, "port", file)),
                module.resolve(required(properties, "artifact", file)),
                required(properties, "command", file),
                required(properties, "health", file),
                java.time.Duration.ofSeconds(Long.parseLong(properties.getProperty("start-timeout", "120"))),
                environment);
    }

    /** The port after the {@code CDP_<NAME>_PORT} override. */
    public int port(Map<String, String> systemEnvironment) {
        String variable = "CDP_" + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_') + "_PORT";
        return Optional.ofNullable(systemEnvironment.get(variable))
                .filter(value -> !value.isBlank())
                .map(value -> {
                    try {
                        return Integer.parseInt(value.strip());
                    } catch (NumberFormatException e) {
                        throw new StackException("%s must be a port number, not '%s'".formatted(variable, value));
                    }
                })
                .orElse(defaultPort);
    }

    private static String required(Properties properties, String key, Path file) {
        String value = properties.getProperty(key);
        if (value == null || value.isBlank()) {
            throw new StackException("%s lacks the key '%s'".formatted(file, key));
        }
        return value.strip();
    }
}
