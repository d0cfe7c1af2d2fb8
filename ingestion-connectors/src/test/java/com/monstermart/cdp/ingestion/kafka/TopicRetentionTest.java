package com.monstermart.cdp.ingestion.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** Raw events (plaintext personal data) and dead letters keep at most 6 hours, so erasure reaches them. */
@QuarkusTest
class TopicRetentionTest {
    @Inject
    TopicManager topics;

    @Inject
    KafkaEventSink sink;

    @ConfigProperty(name = "cdp.ingestion.kafka.raw-topic")
    String rawTopic;

    @Test
    void rawTopicRetentionIsSixHoursEvenWhenTheTopicExisted() {
        assertThat(topics.retentionMillis(rawTopic))
                .isEqualTo(Duration.ofHours(6).toMillis());
    }

    @Test
    void deadLetterTopicsAreCreatedWithTheirRetention() {
        String topic = sink.deadLetterTopic("retention-check");
        topics.ensure(topic, 1, Duration.ofHours(6));

        assertThat(topics.retentionMillis(topic)).isEqualTo(Duration.ofHours(6).toMillis());
    }
}
