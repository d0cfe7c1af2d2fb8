package com.monstermart.cdp.ingestion.testing;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.ingestion.core.EventSink;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** A sink that keeps what it is given (a hand-written fake for unit tests); it can be told to fail. */
public final class RecordingSink implements EventSink {
    private final List<CanonicalEvent> events = new ArrayList<>();
    private final List<DeadLetter> deadLetters = new ArrayList<>();
    private RuntimeException failure;

    @Override
    public synchronized CompletableFuture<Void> send(List<CanonicalEvent> batch) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        events.addAll(batch);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public synchronized CompletableFuture<Void> sendDeadLetters(String sourceId, List<DeadLetter> letters) {
        if (failure != null) {
            return CompletableFuture.failedFuture(failure);
        }
        deadLetters.addAll(letters);
        return CompletableFuture.completedFuture(null);
    }

    public synchronized void failWith(RuntimeException value) {
        this.failure = value;
    }

    public synchronized List<CanonicalEvent> events() {
        return List.copyOf(events);
    }

    public synchronized List<DeadLetter> deadLetters() {
        return List.copyOf(deadLetters);
    }

    public synchronized void clear() {
        events.clear();
        deadLetters.clear();
    }
}
