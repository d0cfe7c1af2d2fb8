package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A service of the platform, started as its module's {@link ServiceDescriptor} says. */
final class PlatformService extends ProcessComponent {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([a-z0-9_.-]+)}");

    private final ServiceDescriptor descriptor;
    private final int port;

    PlatformService(StackContext context, ServiceDescriptor descriptor) {
        super(context, descriptor.name());
        this.descriptor = requireNonNull(descriptor, "descriptor is null");
        this.port = context.settings().servicePorts() == StackSettings.ServicePorts.FREE
                ? StackSettings.freePort()
                : descriptor.port(System.getenv());
        context.registerService(descriptor.name(), location());
    }

    ServiceDescriptor descriptor() {
        return descriptor;
    }

    boolean built() {
        return Files.exists(descriptor.artifact());
    }

    @Override
    public List<String> requires() {
        return descriptor.requires();
    }

    @Override
    public List<Integer> ports() {
        return List.of(port);
    }

    @Override
    public String location() {
        return "http://%s:%d".formatted(StackSettings.HOST, port);
    }

    @Override
    public Duration startTimeout() {
        return descriptor.startTimeout();
    }

    @Override
    protected void prepare() {
        if (!built()) {
            throw new StackException("%s is not built (%s is missing): run ./mvnw package -DskipTests first"
                    .formatted(name(), descriptor.artifact()));
        }
    }

    @Override
    protected ProcessControl.Launch launch() {
        Map<String, String> values = placeholders();
        List<String> command = Arrays.stream(descriptor.command().strip().split("\\s+"))
                .map(part -> substitute(part, values))
                .toList();
        Map<String, String> environment = new LinkedHashMap<>();
        descriptor.environment().forEach((key, value) -> environment.put(key, substitute(value, values)));
        return new ProcessControl.Launch(name(), command, descriptor.moduleDirectory(), environment, logFile());
    }

    @Override
    public Health probe() {
        String url = substitute(descriptor.health(), placeholders());
        try {
            Http.Response response = Http.get(url, Map.of());
            return response.status() == 200
                    ? Health.healthy("health check UP")
                    : Health.unhealthy("health check answered HTTP %d: %s"
                            .formatted(response.status(), Http.abbreviate(response.body())));
        } catch (IOException e) {
            return Health.unhealthy(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    private Map<String, String> placeholders() {
        Map<String, String> values = new HashMap<>();
        context.endpoints().toProperties().forEach((key, value) -> values.put((String) key, (String) value));
        StackEndpoints.Postgres postgres = context.endpoints().postgres();
        for (String database : PlatformDatabases.DATABASES) {
            values.put("postgres.jdbc-url." + database, postgres.jdbcUrl(database));
        }
        values.put("keycloak.issuer", context.endpoints().keycloak().issuer());
        context.serviceLocations().forEach((service, url) -> values.put("service." + service + ".url", url));
        values.put("java", context.javaBinary().toString());
        values.put("stack-marker", context.stackMarker());
        values.put("port", Integer.toString(port));
        values.put("home", context.settings().home().toString());
        values.put("data-dir", context.settings().dataDirectory().toString());
        values.put("service-dir", context.settings().componentDirectory(name()).toString());
        return values;
    }

    private String substitute(String text, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new StackException("%s: unknown placeholder ${%s} in %s (known: %s)"
                        .formatted(
                                name(),
                                matcher.group(1),
                                ServiceDescriptor.FILE_NAME,
                                values.keySet().stream().sorted().toList()));
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
