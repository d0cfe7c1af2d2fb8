package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A source definition checked and compiled: its mappings and quality rules ready to run.
 *
 * @param spec the definition
 * @param identity id, kind and namespace
 * @param quality the source-wide data-quality rules
 * @param tables CDC mappings by table
 * @param patterns file patterns, in order (first match wins)
 */
public record CompiledSource(
        SourceSpec spec,
        SourceIdentity identity,
        QualityChecker quality,
        Map<String, RowMapping> tables,
        List<FilePattern> patterns) {
    public CompiledSource {
        requireNonNull(spec, "spec is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(quality, "quality is null");
        tables = Map.copyOf(tables);
        patterns = List.copyOf(patterns);
    }

    public String id() {
        return spec.id();
    }

    /** The first pattern matching a file name. */
    public Optional<FilePattern> patternFor(String fileName) {
        return patterns.stream().filter(pattern -> pattern.matches(fileName)).findFirst();
    }
}
