package com.monstermart.cdp.localstack.testing;

import com.monstermart.cdp.localstack.StackEndpoints;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Real servers for a {@code @QuarkusTest}: starts (or reuses) the components and returns the configuration that
 * points the application at them. Dev Services stay off.
 *
 * <pre>{@code
 * @QuarkusTest
 * @QuarkusTestResource(value = CdpStackResource.class, initArgs = @ResourceArg(name = "components", value = "postgres,kafka,keycloak"))
 * class ProfileResourceTest { ... }
 * }</pre>
 *
 * <p>Arguments: {@code components} (comma-separated; default {@code postgres,kafka}); {@code database}:
 * {@code isolated} (default: a fresh database per test resource) or the name of an existing database such as
 * {@code cdp}. Besides Quarkus's own keys it sets {@code cdp.stack.*} keys (the endpoints as in
 * {@code stack.properties}) for anything else the application needs.
 */
public final class CdpStackResource implements QuarkusTestResourceLifecycleManager {
    private List<String> components = List.of("postgres", "kafka");
    private String database = "isolated";

    @Override
    public void init(Map<String, String> arguments) {
        if (arguments.containsKey("components")) {
            components = Arrays.stream(arguments.get("components").split(","))
                    .map(String::strip)
                    .filter(each -> !each.isEmpty())
                    .toList();
        }
        database = arguments.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        CdpStack stack = CdpStack.get();
        StackEndpoints endpoints = stack.require(components.toArray(String[]::new));
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.devservices.enabled", "false");
        endpoints.toProperties().forEach((key, value) -> config.put("cdp.stack." + key, (String) value));
        if (components.contains("postgres")) {
            String name = "isolated".equals(database) ? stack.createDatabase("test") : database;
            config.put("quarkus.datasource.db-kind", "postgresql");
            config.put("quarkus.datasource.jdbc.url", endpoints.postgres().jdbcUrl(name));
            config.put("quarkus.datasource.username", endpoints.postgres().user());
            config.put("quarkus.datasource.password", endpoints.postgres().password());
            config.put("cdp.stack.postgres.database", name);
        }
        if (components.contains("kafka")) {
            config.put("kafka.bootstrap.servers", endpoints.kafkaBootstrapServers());
        }
        if (components.contains("keycloak")) {
            StackEndpoints.Keycloak keycloak = endpoints.keycloak();
            config.put("quarkus.keycloak.devservices.enabled", "false");
            config.put("quarkus.oidc.auth-server-url", keycloak.issuer());
            config.put("quarkus.oidc.client-id", keycloak.apiClientId());
            config.put("quarkus.oidc.token.audience", keycloak.apiClientId());
        }
        if (components.contains("greenmail")) {
            config.put("quarkus.mailer.host", endpoints.mail().smtpHost());
            config.put("quarkus.mailer.port", Integer.toString(endpoints.mail().smtpPort()));
            config.put("quarkus.mailer.mock", "false");
        }
        return config;
    }

    @Override
    public void stop() {
        // The servers outlive the application: they are shared by the JVM's tests and stopped at its exit.
    }
}
