package com.monstermart.cdp.profile.testing;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.CdpStackResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The real servers for the service's tests, plus what isolates them: an own Iceberg namespace (Trino schema), own
 * topics, an own consumer group and an own key-encryption keyset.
 */
public final class ProfileStoreTestResource implements QuarkusTestResourceLifecycleManager {
    private final CdpStackResource stack = new CdpStackResource();

    @Override
    public void init(Map<String, String> arguments) {
        stack.init(Map.of("components", "postgres,kafka,keycloak,trino"));
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(stack.start());
        CdpStack cdp = CdpStack.get();
        config.put("cdp.profile-store.iceberg.namespace", cdp.createTrinoSchema("profile_api"));
        config.put("cdp.profile-store.ingestion.events-topic", cdp.createTopic("resolved", 2));
        config.put("cdp.profile-store.ingestion.changes-topic", cdp.createTopic("changes", 1));
        config.put("cdp.profile-store.ingestion.group-id", "profile-store-test-" + UUID.randomUUID());
        try {
            config.put(
                    "cdp.profile-store.pii.kek-file",
                    Files.createTempDirectory("profile-store-kek")
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
