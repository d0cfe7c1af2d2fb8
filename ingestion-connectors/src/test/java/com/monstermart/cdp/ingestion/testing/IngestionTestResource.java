package com.monstermart.cdp.ingestion.testing;

import com.monstermart.cdp.localstack.testing.CdpStack;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Isolates the service under test in the shared Kafka: its own raw topic (created through the stack, removed at
 * exit) and its own dead-letter prefix (topics removed when the application stops). Failure detection is fast.
 */
public class IngestionTestResource implements QuarkusTestResourceLifecycleManager {
    /** Where alert mails go in tests. */
    public static final String OPERATORS =
            "ingestion-operators-" + UUID.randomUUID().toString().substring(0, 8) + "@monstermart.example";

    private String bootstrap;
    private String prefix;

    @Override
    public Map<String, String> start() {
        CdpStack stack = CdpStack.get();
        bootstrap = stack.require("kafka").kafkaBootstrapServers();
        String raw = stack.createTopic("ingestion-raw", 3);
        prefix = "test.ingestion.dl." + UUID.randomUUID().toString().substring(0, 8) + ".";
        return Map.of(
                "cdp.ingestion.notifications.webhook-url", WebhookReceiver.start(),
                "cdp.ingestion.notifications.email-to", OPERATORS,
                "cdp.ingestion.kafka.raw-topic", raw,
                "cdp.ingestion.kafka.dead-letter-prefix", prefix,
                "cdp.ingestion.failure.sustain", "0s",
                "cdp.ingestion.failure.minimum-rows", "5",
                "cdp.ingestion.failure.window", "60s",
                "cdp.ingestion.failure.initial-backoff", "200ms",
                "cdp.ingestion.cdc.offset-flush-interval", "200ms");
    }

    @Override
    public void stop() {
        WebhookReceiver.stop();
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(properties)) {
            List<String> topics = admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(prefix))
                    .toList();
            if (!topics.isEmpty()) {
                admin.deleteTopics(topics).all().get();
            }
        } catch (Exception e) {
            // best effort: the topics expire with their retention anyway
        }
    }
}
