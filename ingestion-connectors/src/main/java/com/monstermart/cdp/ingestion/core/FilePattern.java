package com.monstermart.cdp.ingestion.core;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A compiled file pattern: which files, how to read them, and their mapping.
 *
 * @param spec the effective pattern (preset fields merged)
 * @param format {@code csv}, {@code tsv}, {@code json}, {@code ndjson}, or null to decide from each file's name
 * @param encoding null for {@code auto} (UTF-8, else Windows-1252 per row)
 * @param delimiter CSV delimiter
 * @param header whether the first line names the columns
 * @param columns column names when there is no header
 * @param nullValues texts that mean "no value"
 * @param mapping the rows' mapping
 */
public record FilePattern(
        FilePatternSpec spec,
        String format,
        Charset encoding,
        char delimiter,
        boolean header,
        List<String> columns,
        Set<String> nullValues,
        RowMapping mapping) {
    public static final List<String> FORMATS = List.of("csv", "tsv", "json", "ndjson");
    public static final Set<String> DEFAULT_NULL_VALUES =
            Set.of("", "NA", "N/A", "n/a", "null", "NULL", "NaN", "nan", "None");

    public FilePattern {
        requireNonNull(spec, "spec is null");
        columns = List.copyOf(columns);
        nullValues = Set.copyOf(nullValues);
        requireNonNull(mapping, "mapping is null");
    }

    public String name() {
        return spec.name();
    }

    /** Whether a file name matches the glob. */
    public boolean matches(String fileName) {
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + spec.glob());
        return matcher.matches(Path.of(fileName));
    }

    /** The format of a file: the pattern's, else from its name ({@code .csv}, {@code .tsv}, {@code .json}, ...). */
    public Optional<String> formatOf(String fileName) {
        if (format != null) {
            return Optional.of(format);
        }
        String name = fileName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".gz")) {
            name = name.substring(0, name.length() - 3);
        }
        if (name.endsWith(".csv") || name.endsWith(".txt")) {
            return Optional.of("csv");
        }
        if (name.endsWith(".tsv") || name.endsWith(".tab")) {
            return Optional.of("tsv");
        }
        if (name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Optional.of("ndjson");
        }
        if (name.endsWith(".json")) {
            return Optional.of("json");
        }
        return Optional.empty();
    }
}
