package com.monstermart.cdp.identity;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.CdpStackResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** The real servers (PostgreSQL, Kafka, Keycloak) plus own topics, consumer group and key-encryption keyset. */
public final class IdentityTestResource implements QuarkusTestResourceLifecycleManager {
    private final CdpStackResource stack = new CdpStackResource();

    @Override
    public void init(Map<String, String> arguments) {
        stack.init(Map.of("components", "postgres,kafka,keycloak"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(stack.start());
        CdpStack cdp = CdpStack.get();
        // one raw partition: events are resolved in the order the test sends them
        config.put("cdp.identity.kafka.raw-topic", cdp.createTopic("raw", 1));
        config.put("cdp.identity.kafka.resolved-topic", cdp.createTopic("resolved", 2));
        config.put("cdp.identity.kafka.changes-topic", cdp.createTopic("changes", 1));
        config.put("cdp.identity.kafka.group-id", "identity-test-" + UUID.randomUUID());
        config.put("cdp.identity.kafka.consumers", "1");
        config.put("cdp.identity.kafka.poll-timeout", "PT0.1S");
        try {
            config.put(
                    "cdp.identity.pii.kek-file",
                    Files.createTempDirectory("identity-kek")
                            .resolve("kek.json")
                            .toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return config;
    }

    @Override
    public void stop() {
        stack.stop();
    }
}
