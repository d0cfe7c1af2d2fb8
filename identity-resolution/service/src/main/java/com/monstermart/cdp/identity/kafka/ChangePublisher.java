package com.monstermart.cdp.identity.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.identity.config.KafkaSettings;
import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Publishes identity changes made through the API (unmerge, review decisions, rule changes, forget). */
@ApplicationScoped
public class ChangePublisher {
    private final KafkaSettings settings;
    private final String bootstrapServers;
    private KafkaProducer<String, byte[]> producer;

    public ChangePublisher(
            KafkaSettings settings, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.settings = settings;
        this.bootstrapServers = bootstrapServers;
    }

    public synchronized void publish(String profileId, ObjectNode change) {
        if (producer == null) {
            Properties properties = new Properties();
            properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            properties.put(ProducerConfig.ACKS_CONFIG, "all");
            properties.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
            producer = new KafkaProducer<>(properties, new StringSerializer(), new ByteArraySerializer());
        }
        try {
            producer.send(new ProducerRecord<>(
                            settings.changesTopic(),
                            profileId,
                            change.toString().getBytes(StandardCharsets.UTF_8)))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IdentityException(IdentityErrorCode.STORE_FAILURE, "Interrupted publishing an identity change");
        } catch (ExecutionException | TimeoutException e) {
            throw new IdentityException(
                    IdentityErrorCode.STORE_FAILURE,
                    "Could not publish an identity change to %s: %s; the change is stored, retry to notify downstream"
                            .formatted(settings.changesTopic(), e.getMessage()),
                    e);
        }
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }
}
