package com.monstermart.cdp.pii.vault.eviction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

@WithCdpStack("kafka")
class KafkaKeyEvictionBusTest {
    private static final EvictionNotice NOTICE =
            new EvictionNotice(Set.of(new KeyId(42), new KeyId(-7)), Set.of(SubjectId.of("subject-1")));

    @Test
    void noticesRoundTripThroughTheirJsonForm() {
        String json = KafkaKeyEvictionBus.format(NOTICE, "origin-1");

        assertThat(json).contains("\"type\":\"pii-vault.evict-keys\"").contains("\"000000000000002a\"");
        assertThat(KafkaKeyEvictionBus.parse(json)).isEqualTo(NOTICE);
        assertThat(KafkaKeyEvictionBus.parse("{\"type\":\"erasure-requested\",\"subject\":\"x\"}"))
                .isNull();
    }

    @Test
    void everyOtherProcessOnTheTopicReceivesEveryNoticeAndOtherCommandsAreIgnored(CdpStack stack) {
        String topic = stack.createTopic("pii_eviction_bus", 1);
        String bootstrap = stack.endpoints().kafkaBootstrapServers();
        EvictionNotice reply = EvictionNotice.subjects(Set.of(SubjectId.of("subject-2")));
        List<EvictionNotice> first = new CopyOnWriteArrayList<>();
        List<EvictionNotice> second = new CopyOnWriteArrayList<>();
        try (KafkaKeyEvictionBus one = new KafkaKeyEvictionBus(bootstrap, topic, Map.of(), Duration.ofSeconds(30));
                KafkaKeyEvictionBus two = new KafkaKeyEvictionBus(bootstrap, topic, Map.of(), Duration.ofSeconds(30));
                KafkaProducer<String, String> other = new KafkaProducer<>(
                        Map.of("bootstrap.servers", bootstrap), new StringSerializer(), new StringSerializer())) {
            one.subscribe(first::add);
            two.subscribe(second::add);

            other.send(new ProducerRecord<>(topic, "x", "{\"type\":\"erasure-requested\"}"));
            other.send(new ProducerRecord<>(topic, "x", "not json"));
            other.flush();
            one.publish(NOTICE);
            await().atMost(Duration.ofSeconds(10)).until(() -> second.size() == 1);
            two.publish(reply);
            await().atMost(Duration.ofSeconds(10)).until(() -> first.size() == 1);

            // One partition: each bus saw the other's notice after its own, which it skipped.
            assertThat(first).containsExactly(reply);
            assertThat(second).containsExactly(NOTICE);
        }
    }
}
