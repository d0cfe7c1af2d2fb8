package com.monstermart.cdp.ingestion.core;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** Where connectors put what they produce: {@code cdp.raw.events} and the source's dead-letter topic. */
public interface EventSink {
    /** Sends events; the future completes when every one is durably written, or fails with the first error. */
    CompletableFuture<Void> send(List<CanonicalEvent> events);

    /** Sends dead letters to {@code cdp.dead-letter.<source>}; completes when durably written. */
    CompletableFuture<Void> sendDeadLetters(String sourceId, List<DeadLetter> letters);
}
