package com.monstermart.cdp.pii.vault.eviction;

import java.util.function.Consumer;

/**
 * Broadcasts {@link EvictionNotice}s to every vault process so that a shredded key stops working everywhere within
 * moments. It is the fast path: each vault also polls {@code pii_vault.key_event} and bounds its cache's lifetime, so a
 * lost broadcast delays eviction by at most the poll interval.
 */
public interface KeyEvictionBus extends AutoCloseable {
    /**
     * Sends a notice to every other subscribed process (whether the publishing one hears its own notice depends on the
     * implementation: the vault evicts locally before publishing). Never throws for delivery problems.
     */
    void publish(EvictionNotice notice);

    /** Calls {@code listener} for every notice received from now on, on the bus's own thread. */
    void subscribe(Consumer<EvictionNotice> listener);

    @Override
    void close();

    /** No broadcast: the key event poll alone evicts (within its interval). */
    static KeyEvictionBus none() {
        return new KeyEvictionBus() {
            @Override
            public void publish(EvictionNotice notice) {}

            @Override
            public void subscribe(Consumer<EvictionNotice> listener) {}

            @Override
            public void close() {}
        };
    }
}
