package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.ValidationProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Collects one batch of a source's output (events and dead letters) and sends it; not thread-safe, one per
 * connector thread. Metrics are updated when Kafka has acknowledged.
 */
public final class Emitter {
    private final String sourceId;
    private final EventSink sink;
    private final SourceMetrics metrics;
    private final Clock clock;
    private List<CanonicalEvent> events = new ArrayList<>();
    private List<DeadLetter> deadLetters = new ArrayList<>();
    private int skipped;
    private Instant newest;

    public Emitter(String sourceId, EventSink sink, SourceMetrics metrics, Clock clock) {
        this.sourceId = requireNonNull(sourceId, "sourceId is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Adds what a row became. */
    public void add(MappingResult result, SourceRow row) {
        if (result.rejected()) {
            reject(row.position(), result.problems(), row.payload());
        } else if (result.events().isEmpty()) {
            skipped++;
        } else {
            for (CanonicalEvent event : result.events()) {
                add(event);
            }
            row.sourceTime().ifPresent(time -> newest = newest == null || time.isAfter(newest) ? time : newest);
        }
    }

    public void add(CanonicalEvent event) {
        events.add(event);
    }

    /** Adds a dead letter for input that could not become an event. */
    public void reject(String position, List<ValidationProblem> problems, String payload) {
        deadLetters.add(DeadLetter.invalid(sourceId, position, problems, payload, clock.instant()));
    }

    /** Adds a dead letter with a plain reason (a row that could not even be parsed). */
    public void reject(String position, String reason, String payload) {
        deadLetters.add(new DeadLetter(sourceId, position, reason, List.of(), payload, clock.instant()));
    }

    public int size() {
        return events.size() + deadLetters.size() + skipped;
    }

    public int pendingEvents() {
        return events.size();
    }

    /** Sends the batch; completes when Kafka acknowledged every record. The emitter is empty afterwards. */
    public CompletableFuture<Void> flush() {
        List<CanonicalEvent> sentEvents = events;
        List<DeadLetter> sentLetters = deadLetters;
        int sentSkipped = skipped;
        Instant sentNewest = newest;
        events = new ArrayList<>();
        deadLetters = new ArrayList<>();
        skipped = 0;
        newest = null;
        CompletableFuture<Void> eventsDone =
                sentEvents.isEmpty() ? CompletableFuture.completedFuture(null) : sink.send(sentEvents);
        CompletableFuture<Void> lettersDone = sentLetters.isEmpty()
                ? CompletableFuture.completedFuture(null)
                : sink.sendDeadLetters(sourceId, sentLetters);
        return CompletableFuture.allOf(eventsDone, lettersDone).thenRun(() -> {
            metrics.eventsWritten(sentEvents.size(), sentNewest);
            metrics.deadLettered(sentLetters.size());
            metrics.skipped(sentSkipped);
        });
    }
}
