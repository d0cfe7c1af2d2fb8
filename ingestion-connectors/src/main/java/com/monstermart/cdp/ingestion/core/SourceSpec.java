package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.monstermart.cdp.event.SourceKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source as an operator defines it (REST body or {@code sources/*.yaml}); see
 * docs/guides/connector-operator.md for every field. {@link SourceSpecs#validate} checks it.
 *
 * @param id registry id: lower-case letters, digits, dashes; part of topic names
 * @param kind http, postgres, mariadb, mysql or file
 * @param description free text for operators
 * @param namespace identity namespace of the source's user ids (default: the id); sources that share customer ids
 *     (the shop's HTTP collector and the shop's database) share a namespace
 * @param database connection and CDC settings (postgres, mariadb, mysql)
 * @param files drop directory or bucket, and per-pattern mappings (file)
 * @param http write key (http)
 * @param tables CDC mapping per table ({@code schema.table} for PostgreSQL, {@code database.table} for MariaDB)
 * @param quality data-quality rules run on every event of the source
 * @param failure when the source counts as failing (defaults from configuration)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceSpec(
        String id,
        SourceKind kind,
        String description,
        String namespace,
        DatabaseSpec database,
        FilesSpec files,
        HttpSpec http,
        Map<String, TableSpec> tables,
        List<QualityRuleSpec> quality,
        FailurePolicySpec failure) {
    public SourceSpec {
        namespace = namespace == null || namespace.isBlank() ? id : namespace.strip();
        tables = tables == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tables));
        quality = quality == null ? List.of() : List.copyOf(quality);
    }

    /** The same source with other HTTP settings. */
    public SourceSpec withHttp(HttpSpec value) {
        return new SourceSpec(id, kind, description, namespace, database, files, value, tables, quality, failure);
    }

    /** Whether the kind is change data capture from a database. */
    public boolean changeDataCapture() {
        return kind == SourceKind.POSTGRES || kind == SourceKind.MARIADB || kind == SourceKind.MYSQL;
    }
}
