package com.monstermart.cdp.ingestion.kafka;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.IngestionException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates ingestion's topics with their retention, and keeps the retention as configured on topics that exist (the
 * raw topic's short retention is what lets erasure reach it within hours).
 */
public final class TopicManager implements AutoCloseable {
    private static final long TIMEOUT_SECONDS = 30;

    private final Admin admin;
    private final short replicationFactor;
    private final Set<String> ensured = ConcurrentHashMap.newKeySet();

    public TopicManager(Admin admin, short replicationFactor) {
        this.admin = requireNonNull(admin, "admin is null");
        this.replicationFactor = replicationFactor;
    }

    /**
     * Makes sure the topic exists with this retention (once per topic and process).
     *
     * @throws IngestionException {@link ErrorCode#KAFKA_UNAVAILABLE} when Kafka does not answer or refuses
     */
    public void ensure(String topic, int partitions, Duration retention) {
        if (ensured.contains(topic)) {
            return;
        }
        Map<String, String> configs = Map.of(
                TopicConfig.RETENTION_MS_CONFIG,
                Long.toString(retention.toMillis()),
                TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_DELETE);
        try {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replicationFactor).configs(configs)))
                        .all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                admin.incrementalAlterConfigs(Map.of(
                                resource,
                                List.of(new AlterConfigOp(
                                        new ConfigEntry(
                                                TopicConfig.RETENTION_MS_CONFIG, Long.toString(retention.toMillis())),
                                        AlterConfigOp.OpType.SET))))
                        .all()
                        .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            }
            ensured.add(topic);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            throw new IngestionException(
                    ErrorCode.KAFKA_UNAVAILABLE,
                    "Cannot create or configure topic %s: %s; check that Kafka runs"
                            .formatted(topic, cause.getMessage()),
                    cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestionException(ErrorCode.KAFKA_UNAVAILABLE, "Interrupted while creating topic " + topic, e);
        }
    }

    /** The retention the topic has now, in milliseconds (for checks). */
    public long retentionMillis(String topic) {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try {
            return Long.parseLong(admin.describeConfigs(List.of(resource))
                    .all()
                    .get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .get(resource)
                    .get(TopicConfig.RETENTION_MS_CONFIG)
                    .value());
        } catch (ExecutionException | TimeoutException e) {
            throw new IngestionException(ErrorCode.KAFKA_UNAVAILABLE, "Cannot describe topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestionException(ErrorCode.KAFKA_UNAVAILABLE, "Interrupted while describing topic " + topic, e);
        }
    }

    /** Deletes a topic if it exists (a deleted source's dead letters). */
    public void delete(String topic) {
        ensured.remove(topic);
        try {
            admin.deleteTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException)) {
                throw new IngestionException(ErrorCode.KAFKA_UNAVAILABLE, "Cannot delete topic " + topic, e.getCause());
            }
        } catch (TimeoutException e) {
            throw new IngestionException(ErrorCode.KAFKA_UNAVAILABLE, "Cannot delete topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
