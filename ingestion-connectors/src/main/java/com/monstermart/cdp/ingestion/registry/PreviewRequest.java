package com.monstermart.cdp.ingestion.registry;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Sample data for a dry run of a mapping; give the kind that fits the source.
 *
 * @param file a file for file sources: its name (it picks the pattern) and content (text, or base64 for gzip)
 * @param rows changes for CDC sources
 * @param http a Segment call body for HTTP sources ({@code {"batch": [...]}} or one event with its {@code type})
 */
public record PreviewRequest(FileSample file, List<RowSample> rows, JsonNode http) {
    public PreviewRequest {
        rows = rows == null ? List.of() : List.copyOf(rows);
    }

    /**
     * @param name file name, e.g. {@code rees46-events-2019-10.csv}
     * @param content the content as text
     * @param contentBase64 the content as base64 (binary files such as gzip)
     */
    public record FileSample(String name, String content, String contentBase64) {}

    /**
     * @param table {@code schema.table} or {@code database.table}
     * @param operation insert, update, delete or snapshot (default insert)
     * @param after the row after the change (null for deletes)
     * @param before the row before (updates, deletes)
     */
    public record RowSample(String table, String operation, JsonNode after, JsonNode before) {}
}
