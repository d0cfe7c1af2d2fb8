package com.monstermart.cdp.ingestion.config;

import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.ingestion.cdc.CdcStorage;
import com.monstermart.cdp.ingestion.cdc.CdcTuning;
import com.monstermart.cdp.ingestion.cdc.DebeziumConnector;
import com.monstermart.cdp.ingestion.core.ConnectorFactory;
import com.monstermart.cdp.ingestion.core.FailurePolicy;
import com.monstermart.cdp.ingestion.core.SourceSupervisor;
import com.monstermart.cdp.ingestion.file.FileDropConnector;
import com.monstermart.cdp.ingestion.file.FileStores;
import com.monstermart.cdp.ingestion.http.SegmentPayloads;
import com.monstermart.cdp.ingestion.kafka.DeadLetterReader;
import com.monstermart.cdp.ingestion.kafka.KafkaEventSink;
import com.monstermart.cdp.ingestion.kafka.TopicManager;
import com.monstermart.cdp.ingestion.persistence.AdvisoryLockLeases;
import com.monstermart.cdp.ingestion.persistence.JdbcFileStateStore;
import com.monstermart.cdp.ingestion.persistence.JdbcSourceStore;
import com.monstermart.cdp.ingestion.registry.Notifiers;
import io.quarkus.mailer.reactive.ReactiveMailer;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the framework-free core into the service: Kafka, the supervisor and its connector factories. */
public class IngestionBeans {
    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @Singleton
    TopicManager topicManager(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers, KafkaSettings kafka) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(
                AdminClientConfig.CLIENT_ID_CONFIG,
                "cdp-ingestion-admin-" + ProcessHandle.current().pid());
        return new TopicManager(Admin.create(properties), kafka.replicationFactor());
    }

    void closeTopicManager(@Disposes TopicManager topics) {
        topics.close();
    }

    @Produces
    @Singleton
    KafkaEventSink sink(
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
            KafkaSettings kafka,
            TopicManager topics) {
        return new KafkaEventSink(
                KafkaEventSink.producer(KafkaEventSink.producerProperties(
                        bootstrapServers,
                        kafka.compression(),
                        kafka.lingerMs(),
                        kafka.batchSize(),
                        kafka.deliveryTimeout())),
                kafka.rawTopic(),
                kafka.deadLetterPrefix(),
                topics,
                kafka.deadLetterRetention());
    }

    void closeSink(@Disposes KafkaEventSink sink) {
        sink.close();
    }

    @Produces
    @Singleton
    DeadLetterReader deadLetterReader(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        return new DeadLetterReader(bootstrapServers);
    }

    @Produces
    @Singleton
    SegmentPayloads segmentPayloads(HttpCollectorSettings http) {
        return new SegmentPayloads(http.maxEventBytes(), http.correctClockSkew());
    }

    @Produces
    @Singleton
    CdcStorage cdcStorage(
            @ConfigProperty(name = "quarkus.datasource.jdbc.url") String jdbcUrl,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        return new CdcStorage(jdbcUrl, user, password.orElse(""));
    }

    @Produces
    @Singleton
    SourceSupervisor supervisor(
            JdbcSourceStore store,
            AdvisoryLockLeases leases,
            KafkaEventSink sink,
            JdbcFileStateStore fileStates,
            CdcStorage storage,
            FileSettings files,
            CdcSettings cdc,
            FailureSettings failure,
            NotificationSettings notifications,
            ReactiveMailer mailer,
            Clock clock) {
        ConnectorFactory fileFactory = (source, metrics, listener) -> new FileDropConnector(
                source,
                FileStores.of(source.spec().files()),
                fileStates,
                sink,
                metrics,
                clock,
                files.batchSize(),
                listener);
        CdcTuning tuning =
                new CdcTuning(cdc.pollIntervalMs(), cdc.maxBatchSize(), cdc.maxQueueSize(), cdc.offsetFlushInterval());
        ConnectorFactory cdcFactory = (source, metrics, listener) ->
                new DebeziumConnector(source, storage, tuning, sink, metrics, clock, listener);
        FailurePolicy policy = new FailurePolicy(
                failure.errorRate(),
                failure.window(),
                failure.minimumRows(),
                failure.sustain(),
                failure.restarts(),
                failure.initialBackoff(),
                failure.maxBackoff());
        return new SourceSupervisor(
                store,
                Map.of(
                        SourceKind.FILE, fileFactory,
                        SourceKind.POSTGRES, cdcFactory,
                        SourceKind.MARIADB, cdcFactory,
                        SourceKind.MYSQL, cdcFactory),
                leases,
                Notifiers.configured(notifications, mailer),
                policy,
                clock);
    }

    void closeSupervisor(@Disposes SourceSupervisor supervisor) {
        supervisor.close();
    }
}
