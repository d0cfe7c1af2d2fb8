package com.monstermart.cdp.ingestion.core;

/** Makes the connector of a source kind. */
public interface ConnectorFactory {
    /** A connector, not yet started. */
    SourceConnector create(CompiledSource source, SourceMetrics metrics, SourceConnector.Listener listener);
}
