package com.monstermart.cdp.ingestion.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceStatus;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.core.StoredSource;
import java.time.Instant;

/**
 * A source as the API shows it: the definition (secrets hidden), its state and status.
 *
 * @param id source id
 * @param kind connector kind
 * @param desiredState ACTIVE or PAUSED
 * @param origin {@code api} or {@code file:<name>}
 * @param version increases with every change (send it as {@code If-Match} to update safely)
 * @param createdAt when created
 * @param updatedAt when last changed
 * @param definition the definition; passwords and secret keys appear as {@code ********}
 * @param status what it is doing now
 * @param writeKey the write key, only in the response that created or rotated it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceView(
        String id,
        String kind,
        String desiredState,
        String origin,
        long version,
        Instant createdAt,
        Instant updatedAt,
        JsonNode definition,
        SourceStatus status,
        String writeKey) {
    static SourceView of(StoredSource stored, SourceStatus status, String writeKey) {
        SourceSpec spec = stored.spec();
        SourceSpec redacted = new SourceSpec(
                spec.id(),
                spec.kind(),
                spec.description(),
                spec.namespace(),
                spec.database() == null ? null : spec.database().redacted(),
                spec.files() == null ? null : spec.files().redacted(),
                null,
                spec.tables(),
                spec.quality(),
                spec.failure());
        return new SourceView(
                stored.id(),
                spec.kind().wireName(),
                stored.desiredState().name(),
                stored.origin(),
                stored.version(),
                stored.createdAt(),
                stored.updatedAt(),
                SpecJson.json().valueToTree(redacted),
                status,
                writeKey);
    }
}
