package com.monstermart.cdp.ingestion.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.EventKeys;
import com.monstermart.cdp.event.EventValidator;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.ingestion.core.SourceState;
import com.monstermart.cdp.ingestion.registry.SourceRegistry;
import com.monstermart.cdp.ingestion.testing.KafkaProbe;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every source kind must do (Iceberg's CatalogTests style: one subclass per kind). Touchpoint {@code n} is
 * produced with user id {@code u<n>} and property {@code n}.
 */
abstract class SourceContractTest {
    @Inject
    SourceRegistry registry;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "cdp.ingestion.kafka.raw-topic")
    String rawTopic;

    private String sourceId;
    private KafkaProbe probe;

    /** The kind under test. */
    protected abstract SourceKind kind();

    /** Creates a fresh source; returns its id. */
    protected abstract String createSource();

    /** Makes touchpoints {@code from .. from+count-1} happen at the source. */
    protected abstract void produce(String id, int from, int count);

    /** Makes the source read touchpoints it already delivered again, as after a crash before its position was saved. */
    protected abstract void replay(String id);

    /** Called once the source is running, before the first touchpoint (CDC remembers where to replay from). */
    protected void started(String id) {}

    /** Called after a resume (an HTTP client resends what the paused source refused). */
    protected void resumed(String id) {}

    @AfterEach
    void deleteSource() {
        if (probe != null) {
            probe.close();
        }
        if (sourceId != null) {
            registry.delete(sourceId, "contract test");
        }
    }

    private String start() {
        sourceId = createSource();
        probe = new KafkaProbe(bootstrap, rawTopic);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> registry.status(sourceId).state() == SourceState.RUNNING);
        started(sourceId);
        return sourceId;
    }

    private List<KafkaProbe.Received> received(String id) {
        return probe.events(event -> event.sourceId().equals(id)
                && event.userId().filter(user -> user.startsWith("u")).isPresent());
    }

    private List<KafkaProbe.Received> awaitReceived(String id, int count) {
        return await().atMost(Duration.ofSeconds(90)).until(() -> received(id), list -> list.size() >= count);
    }

    @Test
    void eventsHaveTheCanonicalShape() {
        String id = start();
        produce(id, 0, 5);

        List<KafkaProbe.Received> received = awaitReceived(id, 5);

        for (KafkaProbe.Received record : received) {
            CanonicalEvent event = record.event();
            assertThat(EventJson.fromBytes(EventJson.toBytes(event))).isEqualTo(event);
            assertThat(EventValidator.validate(event)).isEmpty();
            assertThat(event.context().source().id()).isEqualTo(id);
            assertThat(event.context().source().kind()).isEqualTo(kind());
            assertThat(event.context().source().position()).isNotBlank();
            assertThat(UUID.fromString(event.messageId())).isNotNull();
            assertThat(event.receivedAt()).isNotNull();
            assertThat(event.identifiers()).isNotEmpty();
            assertThat(record.key()).isEqualTo(EventKeys.partitionKey(event));
            assertThat(record.typeHeader()).isEqualTo(event.type().wireName());
        }
        assertThat(received)
                .extracting(record -> record.event().userId().orElseThrow())
                .containsExactlyInAnyOrder("u0", "u1", "u2", "u3", "u4");
    }

    @Test
    void replaysKeepTheirMessageIds() {
        String id = start();
        produce(id, 0, 3);
        Set<String> first = awaitReceived(id, 3).stream()
                .map(record -> record.event().messageId())
                .collect(Collectors.toSet());

        replay(id);

        List<KafkaProbe.Received> all = awaitReceived(id, 6);
        assertThat(first).hasSize(3);
        assertThat(all.stream().map(record -> record.event().messageId()).collect(Collectors.toSet()))
                .as("a replayed touchpoint has the id it had the first time")
                .isEqualTo(first);
    }

    @Test
    void restartResumesWithoutLossOrDuplicates() {
        String id = start();
        produce(id, 0, 3);
        awaitReceived(id, 3);

        registry.pause(id, "contract test");
        await().atMost(Duration.ofSeconds(30)).until(() -> registry.status(id).state() == SourceState.PAUSED);
        produce(id, 3, 3);
        registry.resume(id, "contract test");
        await().atMost(Duration.ofSeconds(60)).until(() -> registry.status(id).state() == SourceState.RUNNING);
        resumed(id);
        produce(id, 6, 2);

        awaitReceived(id, 8);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(15))
                .until(() -> received(id).size() == 8);
        List<CanonicalEvent> events =
                received(id).stream().map(KafkaProbe.Received::event).toList();
        assertThat(events).extracting(CanonicalEvent::messageId).doesNotHaveDuplicates();
        assertThat(events)
                .extracting(event -> event.userId().orElseThrow())
                .containsExactlyInAnyOrder("u0", "u1", "u2", "u3", "u4", "u5", "u6", "u7");
    }
}
