package com.monstermart.cdp.pii.vault.eviction;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A bus between vaults of one process (several vaults in tests, or one service with several vaults). */
public final class InProcessKeyEvictionBus implements KeyEvictionBus {
    private static final System.Logger LOG = System.getLogger(InProcessKeyEvictionBus.class.getName());

    private final List<Consumer<EvictionNotice>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void publish(EvictionNotice notice) {
        requireNonNull(notice, "notice is null");
        for (Consumer<EvictionNotice> listener : listeners) {
            try {
                listener.accept(notice);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "A key eviction listener failed: {0}", e.toString());
            }
        }
    }

    @Override
    public void subscribe(Consumer<EvictionNotice> listener) {
        listeners.add(requireNonNull(listener, "listener is null"));
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
