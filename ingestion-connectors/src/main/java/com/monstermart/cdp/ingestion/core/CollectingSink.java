package com.monstermart.cdp.ingestion.core;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A sink that keeps what it gets in memory: previews (dry runs) and benchmarks of mappings. */
public final class CollectingSink implements EventSink {
    private final List<CanonicalEvent> events = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();

    @Override
    public synchronized CompletableFuture<Void> send(List<CanonicalEvent> batch) {
        events.addAll(batch);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> sendDeadLetters(String sourceId, List<DeadLetter> letters) {
        deadLetters.addAll(letters);
        return CompletableFuture.completedFuture(null);
    }

    public synchronized List<CanonicalEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }
}
