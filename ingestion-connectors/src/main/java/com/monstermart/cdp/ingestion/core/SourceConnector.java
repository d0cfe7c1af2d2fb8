package com.monstermart.cdp.ingestion.core;

/** A running connector of one source; it works on its own (daemon) threads. */
public interface SourceConnector extends AutoCloseable {
    /** Starts working; returns at once. */
    void start();

    /** Stops, waiting for the batch in flight to be written and its position saved. */
    @Override
    void close();

    /** Reports a connector's end or trouble to whoever supervises it. */
    interface Listener {
        /** The connector stopped because of this failure; it may be restarted. */
        void failed(Throwable cause);

        /** A failure the connector retries by itself (logged, counted). */
        default void retrying(String message) {}
    }
}
