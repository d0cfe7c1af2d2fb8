package com.monstermart.cdp.console;

import com.monstermart.cdp.localstack.ServiceDescriptor;
import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The console under test against the real platform: Keycloak (realm cdp, client cdp-console), Kafka, and the
 * ingestion, identity and profile services started from their packaged builds (with everything they require). The
 * live sales aggregate gets an application id of its own, whose topics are dropped at the end.
 */
public final class ConsoleStack implements QuarkusTestResourceLifecycleManager {
    /** The console's client secret in the local realm (local-stack's cdp-realm.json). */
    static final String CLIENT_SECRET = "cdp-console-local-secret";

    static final List<String> SERVICES = List.of("ingestion", "identity", "profiles");

    private String applicationId;
    private String bootstrap;

    @Override
    public Map<String, String> start() {
        CdpStack stack = CdpStack.get();
        StackEndpoints endpoints = stack.require("keycloak", "kafka");
        stack.require(SERVICES.toArray(String[]::new));
        bootstrap = endpoints.kafkaBootstrapServers();
        applicationId = "cdp-console-test-" + UUID.randomUUID();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.oidc.auth-server-url", endpoints.keycloak().issuer());
        config.put("quarkus.oidc.credentials.secret", CLIENT_SECRET);
        config.put("kafka.bootstrap.servers", bootstrap);
        config.put("cdp.console.live-sales.application-id", applicationId);
        try {
            config.put(
                    "cdp.console.live-sales.state-directory",
                    Files.createTempDirectory("console-streams").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("cdp.console.services.ingestion", stack.location("ingestion"));
        config.put("cdp.console.services.identity", stack.location("identity"));
        config.put("cdp.console.services.profiles", stack.location("profiles"));
        config.put("cdp.test.keycloak-url", endpoints.keycloak().url());
        config.put("cdp.test.collector-url", stack.location("ingestion"));
        config.put("cdp.test.write-key", webShopWriteKey());
        return config;
    }

    /** The web shop source's write key, as the ingestion service's descriptor gives it to local stacks. */
    static String webShopWriteKey() {
        Path descriptor = Path.of(System.getProperty("cdp.home", ".."))
                .resolve("ingestion-connectors")
                .resolve(ServiceDescriptor.FILE_NAME);
        return ServiceDescriptor.read(descriptor).environment().get("CDP_SHOP_WEB_WRITE_KEY");
    }

    @Override
    public void stop() {
        // The application may still be leaving its group: drop its topics and group when the JVM exits.
        String id = applicationId;
        String servers = bootstrap;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropStreamsTopics(servers, id), "console-test-topics"));
    }

    private static void dropStreamsTopics(String bootstrap, String applicationId) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            admin.deleteConsumerGroups(List.of(applicationId)).all().get(30, TimeUnit.SECONDS);
            List<String> internal = admin.listTopics().names().get(30, TimeUnit.SECONDS).stream()
                    .filter(name -> name.startsWith(applicationId + "-"))
                    .toList();
            admin.deleteTopics(internal).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("Could not drop the console test's Kafka Streams topics: " + e.getMessage());
        }
    }
}
