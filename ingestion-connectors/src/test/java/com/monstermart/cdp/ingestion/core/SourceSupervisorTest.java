package com.monstermart.cdp.ingestion.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.ingestion.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

class SourceSupervisorTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-21T10:00:00Z"));
    private final InMemorySourceStore store = new InMemorySourceStore();
    private final List<SourceAlert> alerts = new CopyOnWriteArrayList<>();
    private final List<FakeConnector> connectors = new ArrayList<>();
    private boolean failOnStart;
    private boolean leaseGranted = true;
    private final FailurePolicy policy = new FailurePolicy(
            0.5, Duration.ofMinutes(1), 5, Duration.ofSeconds(30), 3, Duration.ofSeconds(1), Duration.ofSeconds(8));

    private final class FakeConnector implements SourceConnector {
        private final Listener listener;
        boolean started;
        boolean closed;

        FakeConnector(Listener listener) {
            this.listener = listener;
        }

        @Override
        public void start() {
            started = true;
            if (failOnStart) {
                listener.failed(new IngestionException(ErrorCode.SOURCE_UNAVAILABLE, "connection refused"));
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    private SourceSupervisor supervisor() {
        ConnectorFactory factory = (source, metrics, listener) -> {
            FakeConnector connector = new FakeConnector(listener);
            connectors.add(connector);
            return connector;
        };
        SourceLeases leases = new SourceLeases() {
            @Override
            public boolean acquire(String sourceId) {
                return leaseGranted;
            }

            @Override
            public void release(String sourceId) {}
        };
        return new SourceSupervisor(store, Map.of(SourceKind.FILE, factory), leases, alerts::add, policy, clock);
    }

    private StoredSource define(String id) {
        SourceSpec spec = SpecJson.readYaml("""
                id: %s
                kind: file
                files: {directory: /tmp/nowhere, patterns: [{glob: "*.csv", events: [{type: track, event: x, userId: "${u}"}]}]}
                """.formatted(id), SourceSpec.class, "test");
        return store.create(new StoredSource(
                spec,
                DesiredState.ACTIVE,
                Optional.empty(),
                "api",
                Optional.empty(),
                1,
                clock.instant(),
                clock.instant()));
    }

    @Test
    void startsPausesResumesAndStops() {
        SourceSupervisor supervisor = supervisor();
        StoredSource source = define("a");

        supervisor.reconcile();
        assertThat(supervisor.runtime("a").orElseThrow().state()).isEqualTo(SourceState.RUNNING);
        assertThat(connectors.getFirst().started).isTrue();

        store.update(source.withDesiredState(DesiredState.PAUSED, clock.instant()), 1);
        supervisor.reconcile();
        assertThat(supervisor.runtime("a").orElseThrow().state()).isEqualTo(SourceState.PAUSED);
        assertThat(connectors.getFirst().closed).isTrue();

        store.update(store.find("a").orElseThrow().withDesiredState(DesiredState.ACTIVE, clock.instant()), 2);
        supervisor.reconcile();
        assertThat(supervisor.runtime("a").orElseThrow().state()).isEqualTo(SourceState.RUNNING);
        assertThat(connectors).hasSize(2);

        store.delete("a");
        supervisor.reconcile();
        assertThat(supervisor.runtime("a")).isEmpty();
        assertThat(connectors.get(1).closed).isTrue();
    }

    @Test
    void failedConnectorsRestartWithBackoffThenCountAsFailing() {
        failOnStart = true;
        SourceSupervisor supervisor = supervisor();
        define("b");

        supervisor.reconcile();
        supervisor.reconcile();
        SourceRuntime runtime = supervisor.runtime("b").orElseThrow();
        assertThat(runtime.state()).isEqualTo(SourceState.RETRYING);
        assertThat(runtime.status().restarts()).isEqualTo(1);
        assertThat(runtime.status().lastError()).isEqualTo("connection refused");

        supervisor.reconcile();
        assertThat(connectors).as("no restart before the backoff").hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        supervisor.reconcile();
        assertThat(connectors).hasSize(2);
        supervisor.reconcile();
        clock.advance(Duration.ofSeconds(2));
        supervisor.reconcile();
        supervisor.reconcile();

        assertThat(runtime.state()).isEqualTo(SourceState.FAILING);
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.kind()).isEqualTo(SourceAlert.Kind.FAILING);
            assertThat(alert.message()).startsWith("Source b failed 3 times in a row; last error: connection refused");
        });
        assertThat(policy.backoff(10)).isEqualTo(Duration.ofSeconds(8));
    }

    @Test
    void aHighErrorRateMarksFailingOnlyWhenItLastsAndRecovers() {
        SourceSupervisor supervisor = supervisor();
        define("c");
        supervisor.reconcile();
        SourceRuntime runtime = supervisor.runtime("c").orElseThrow();

        runtime.metrics().deadLettered(8);
        runtime.metrics().eventsWritten(2, null);
        supervisor.reconcile();
        assertThat(runtime.state()).as("not yet sustained").isEqualTo(SourceState.RUNNING);

        clock.advance(Duration.ofSeconds(30));
        runtime.metrics().deadLettered(1);
        supervisor.reconcile();
        assertThat(runtime.state()).isEqualTo(SourceState.FAILING);
        assertThat(alerts).extracting(SourceAlert::kind).containsExactly(SourceAlert.Kind.FAILING);
        assertThat(alerts.getFirst().message()).contains("rejects 82% of its rows");

        clock.advance(Duration.ofMinutes(2));
        runtime.metrics().eventsWritten(100, null);
        supervisor.reconcile();
        assertThat(runtime.state()).isEqualTo(SourceState.RUNNING);
        assertThat(alerts)
                .extracting(SourceAlert::kind)
                .containsExactly(SourceAlert.Kind.FAILING, SourceAlert.Kind.RECOVERED);
    }

    @Test
    void invalidDefinitionsAndLeases() {
        SourceSupervisor supervisor = supervisor();
        SourceSpec broken = SpecJson.readYaml(
                "{id: d, kind: file, files: {directory: /tmp, patterns: [{glob: '*', events: [{type: track, event: x}]}]}}",
                SourceSpec.class,
                "test");
        store.create(new StoredSource(
                broken,
                DesiredState.ACTIVE,
                Optional.empty(),
                "api",
                Optional.empty(),
                1,
                clock.instant(),
                clock.instant()));
        define("e");
        leaseGranted = false;

        supervisor.reconcile();

        assertThat(supervisor.runtime("d").orElseThrow().state()).isEqualTo(SourceState.INVALID);
        assertThat(supervisor.runtime("d").orElseThrow().status().lastError())
                .contains("files.patterns[0].events[0]: a rule needs userId or anonymousId");
        assertThat(supervisor.runtime("e").orElseThrow().state()).isEqualTo(SourceState.STANDBY);
        assertThat(connectors).isEmpty();
    }
}
