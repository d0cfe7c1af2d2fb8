package com.monstermart.cdp.ingestion.config;

import com.monstermart.cdp.ingestion.core.IngestionException;
import com.monstermart.cdp.ingestion.core.SourceRuntime;
import com.monstermart.cdp.ingestion.core.SourceState;
import com.monstermart.cdp.ingestion.core.SourceSupervisor;
import com.monstermart.cdp.ingestion.kafka.KafkaEventSink;
import com.monstermart.cdp.ingestion.kafka.TopicManager;
import com.monstermart.cdp.ingestion.registry.SourceFiles;
import com.monstermart.cdp.ingestion.registry.SourceRegistry;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;

/**
 * Starts ingestion: the raw topic with its retention, the built-in and directory definitions, the supervisor; then
 * reconciles periodically and exports per-source metrics.
 */
@ApplicationScoped
public class IngestionLifecycle {
    private final SourceRegistry registry;
    private final SourceSupervisor supervisor;
    private final TopicManager topics;
    private final KafkaEventSink sink;
    private final KafkaSettings kafka;
    private final SourcesSettings sources;
    private final FileSettings files;
    private final MeterRegistry meters;
    private final Config config;
    private final Set<String> metered = ConcurrentHashMap.newKeySet();
    private final Map<Path, Long> directoryFiles = new HashMap<>();

    public IngestionLifecycle(
            SourceRegistry registry,
            SourceSupervisor supervisor,
            TopicManager topics,
            KafkaEventSink sink,
            KafkaSettings kafka,
            SourcesSettings sources,
            FileSettings files,
            MeterRegistry meters,
            Config config) {
        this.registry = registry;
        this.supervisor = supervisor;
        this.topics = topics;
        this.sink = sink;
        this.kafka = kafka;
        this.sources = sources;
        this.files = files;
        this.meters = meters;
        this.config = config;
    }

    void start(@Observes StartupEvent event) {
        if (kafka.rawRetention().toHours() > 6) {
            Log.warnf(
                    "cdp.ingestion.kafka.raw-retention is %s: raw events hold plaintext personal data and erasure expects them gone within 6 hours",
                    kafka.rawRetention());
        }
        topics.ensure(kafka.rawTopic(), kafka.rawPartitions(), kafka.rawRetention());
        for (String name : sources.builtin()) {
            if (!name.isBlank() && !name.equals("none")) {
                applyBuiltin(name.strip());
            }
        }
        applyDirectory();
        reconcile();
    }

    private void applyBuiltin(String name) {
        String resource = "/sources/" + name + ".yaml";
        try (InputStream in = IngestionLifecycle.class.getResourceAsStream(resource)) {
            if (in == null) {
                Log.warnf("No built-in source definition %s; check cdp.ingestion.sources.builtin", resource);
                return;
            }
            apply(name + ".yaml", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            Log.warnf("Cannot read the built-in source definition %s: %s", resource, e.getMessage());
        }
    }

    private void applyDirectory() {
        Optional<Path> directory = sources.directory();
        if (directory.isEmpty() || !Files.isDirectory(directory.get())) {
            return;
        }
        try (Stream<Path> list = Files.list(directory.get())) {
            for (Path file : list.filter(path ->
                            path.toString().endsWith(".yaml") || path.toString().endsWith(".yml"))
                    .sorted()
                    .toList()) {
                long modified = Files.getLastModifiedTime(file).toMillis();
                if (Long.valueOf(modified).equals(directoryFiles.get(file))) {
                    continue;
                }
                directoryFiles.put(file, modified);
                apply(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            Log.warnf("Cannot read the source definitions in %s: %s", directory.get(), e.getMessage());
        }
    }

    private void apply(String fileName, String text) {
        try {
            registry.applyFile(fileName, SourceFiles.resolve(text, fileName, this::lookup));
        } catch (IngestionException e) {
            Log.warnf("Source definition %s not applied: %s", fileName, e.getMessage());
        }
    }

    private Optional<String> lookup(String name) {
        if (name.equals("cdp.ingestion.files.drop-directory")) {
            return Optional.of(
                    Path.of(files.dropDirectory()).toAbsolutePath().normalize().toString());
        }
        Optional<String> environment = Optional.ofNullable(System.getenv(name));
        return environment.isPresent() ? environment : config.getOptionalValue(name, String.class);
    }

    @Scheduled(
            every = "${cdp.ingestion.sources.reconcile-interval:2s}",
            delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reconcile() {
        applyDirectory();
        supervisor.reconcile();
        for (SourceRuntime runtime : supervisor.runtimes()) {
            if (metered.add(runtime.id())) {
                meter(runtime.id());
            }
        }
    }

    private void meter(String id) {
        List<io.micrometer.core.instrument.Tag> tags = List.of(io.micrometer.core.instrument.Tag.of("source", id));
        FunctionCounter.builder("cdp.ingestion.events", supervisor, s -> value(s, id, Metric.EVENTS))
                .description("Events written to the raw topic")
                .tags(tags)
                .register(meters);
        FunctionCounter.builder("cdp.ingestion.dead.letters", supervisor, s -> value(s, id, Metric.DEAD_LETTERS))
                .description("Rows and calls sent to the dead-letter topic")
                .tags(tags)
                .register(meters);
        FunctionCounter.builder("cdp.ingestion.errors", supervisor, s -> value(s, id, Metric.ERRORS))
                .description("Connector errors")
                .tags(tags)
                .register(meters);
        Gauge.builder("cdp.ingestion.lag.seconds", supervisor, s -> value(s, id, Metric.LAG))
                .description("How far behind the source, in seconds")
                .tags(tags)
                .register(meters);
        Gauge.builder("cdp.ingestion.events.per.second", supervisor, s -> value(s, id, Metric.RATE))
                .description("Events written per second over the last 10 seconds")
                .tags(tags)
                .register(meters);
        Gauge.builder("cdp.ingestion.failing", supervisor, s -> value(s, id, Metric.FAILING))
                .description("1 when the source is failing")
                .tags(tags)
                .register(meters);
    }

    private enum Metric {
        EVENTS,
        DEAD_LETTERS,
        ERRORS,
        LAG,
        RATE,
        FAILING
    }

    private static double value(SourceSupervisor supervisor, String id, Metric metric) {
        return supervisor
                .runtime(id)
                .map(runtime -> switch (metric) {
                    case EVENTS -> (double) runtime.metrics().events();
                    case DEAD_LETTERS -> (double) runtime.metrics().deadLetters();
                    case ERRORS -> (double) runtime.metrics().errors();
                    case LAG ->
                        runtime.metrics().lagMillis() < 0
                                ? Double.NaN
                                : runtime.metrics().lagMillis() / 1000.0;
                    case RATE -> runtime.metrics().eventsPerSecond();
                    case FAILING -> runtime.state() == SourceState.FAILING ? 1.0 : 0.0;
                })
                .orElse(Double.NaN);
    }

    void stop(@Observes ShutdownEvent event) {
        supervisor.close();
        sink.flush();
    }
}
