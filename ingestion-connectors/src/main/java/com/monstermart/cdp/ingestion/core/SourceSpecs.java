package com.monstermart.cdp.ingestion.core;

import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.event.SourceRef;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Checks and compiles source definitions. */
public final class SourceSpecs {
    private SourceSpecs() {}

    /**
     * Every structural problem of a definition (empty when it is sound). Mappings are checked by {@link #compile}.
     */
    public static List<String> problems(SourceSpec spec) {
        List<String> problems = new ArrayList<>();
        if (spec.id() == null || !SourceRef.isValidId(spec.id())) {
            problems.add(
                    "id: '%s' is not a source id (1-63 lower-case letters, digits and dashes)".formatted(spec.id()));
        }
        if (spec.kind() == null) {
            problems.add("kind: is required (http, postgres, mariadb, mysql or file)");
            return problems;
        }
        if (spec.namespace() != null && !spec.namespace().matches("[a-z0-9][a-z0-9._-]{0,62}")) {
            problems.add("namespace: '%s' must be 1-63 lower-case letters, digits, dots, dashes or underscores"
                    .formatted(spec.namespace()));
        }
        switch (spec.kind()) {
            case HTTP -> {
                requireAbsent(spec.database() != null, "database", "http", problems);
                requireAbsent(spec.files() != null, "files", "http", problems);
                requireAbsent(!spec.tables().isEmpty(), "tables", "http", problems);
            }
            case POSTGRES, MARIADB, MYSQL -> {
                requireAbsent(spec.files() != null, "files", spec.kind().wireName(), problems);
                requireAbsent(spec.http() != null, "http", spec.kind().wireName(), problems);
                DatabaseSpec database = spec.database();
                if (database == null) {
                    problems.add("database: is required for %s sources (host, database, user, password)"
                            .formatted(spec.kind().wireName()));
                } else {
                    required(database.host(), "database.host", problems);
                    required(database.database(), "database.database", problems);
                    required(database.user(), "database.user", problems);
                    if (!Set.of("initial", "no_data", "when_needed", "always", "never", "initial_only")
                            .contains(database.snapshot())) {
                        problems.add("database.snapshot: '%s' is not initial, no_data, when_needed or always"
                                .formatted(database.snapshot()));
                    }
                    if (database.slot() != null && !database.slot().matches("[a-z0-9_]{1,63}")) {
                        problems.add("database.slot: '%s' must be lower-case letters, digits and underscores"
                                .formatted(database.slot()));
                    }
                }
                if (spec.tables().isEmpty()) {
                    problems.add("tables: at least one table mapping is required");
                }
                for (String table : spec.tables().keySet()) {
                    if (!table.matches("[A-Za-z0-9_$]+\\.[A-Za-z0-9_$]+")) {
                        problems.add("tables.%s: name tables as schema.table (PostgreSQL) or database.table (MariaDB)"
                                .formatted(table));
                    }
                }
            }
            case FILE -> {
                requireAbsent(spec.database() != null, "database", "file", problems);
                requireAbsent(spec.http() != null, "http", "file", problems);
                requireAbsent(!spec.tables().isEmpty(), "tables", "file", problems);
                FilesSpec files = spec.files();
                if (files == null) {
                    problems.add("files: is required for file sources (directory and patterns)");
                } else {
                    if ((files.directory() == null || files.directory().isBlank()) && files.s3() == null) {
                        problems.add("files.directory: a directory or an s3 bucket is required");
                    }
                    if (files.s3() != null) {
                        required(files.s3().endpoint(), "files.s3.endpoint", problems);
                        required(files.s3().bucket(), "files.s3.bucket", problems);
                    }
                    if (files.patterns().isEmpty()) {
                        problems.add("files.patterns: at least one pattern is required");
                    }
                    for (int i = 0; i < files.patterns().size(); i++) {
                        FilePatternSpec pattern = files.patterns().get(i);
                        String at = "files.patterns[%d]".formatted(i);
                        if (pattern.preset() != null
                                && Presets.named(pattern.preset()).isEmpty()) {
                            problems.add(
                                    "%s.preset: '%s' is not one of %s".formatted(at, pattern.preset(), Presets.NAMES));
                        } else if (pattern.glob() == null && pattern.preset() == null) {
                            problems.add(at + ".glob: is required");
                        }
                    }
                }
            }
        }
        return problems;
    }

    /**
     * Checks and compiles a definition.
     *
     * @throws IngestionException {@link ErrorCode#INVALID_SOURCE} listing the problems
     */
    public static CompiledSource compile(SourceSpec spec) {
        List<String> problems = problems(spec);
        if (!problems.isEmpty()) {
            throw new IngestionException(
                    ErrorCode.INVALID_SOURCE,
                    "Source '%s' is invalid: %s".formatted(spec.id(), String.join("; ", problems)));
        }
        SourceIdentity identity = SourceIdentity.of(spec);
        try {
            QualityChecker quality = QualityChecker.compile(spec.quality(), "quality");
            Map<String, RowMapping> tables = new LinkedHashMap<>();
            for (Map.Entry<String, TableSpec> table : spec.tables().entrySet()) {
                tables.put(
                        table.getKey(),
                        RowMapping.compile(
                                identity,
                                table.getKey(),
                                table.getValue().lookups(),
                                table.getValue().events(),
                                null,
                                ParseSettings.DEFAULT,
                                quality,
                                "tables." + table.getKey()));
            }
            List<FilePattern> patterns = new ArrayList<>();
            if (spec.files() != null) {
                for (int i = 0; i < spec.files().patterns().size(); i++) {
                    patterns.add(pattern(
                            identity, spec.files().patterns().get(i), quality, "files.patterns[%d]".formatted(i)));
                }
            }
            return new CompiledSource(spec, identity, quality, tables, patterns);
        } catch (IllegalArgumentException e) {
            throw new IngestionException(
                    ErrorCode.INVALID_SOURCE, "Source '%s' is invalid: %s".formatted(spec.id(), e.getMessage()), e);
        } catch (IngestionException e) {
            throw new IngestionException(
                    ErrorCode.INVALID_SOURCE, "Source '%s' is invalid: %s".formatted(spec.id(), e.getMessage()), e);
        }
    }

    /** Compiles one file pattern (preset merged). */
    public static FilePattern pattern(
            SourceIdentity identity, FilePatternSpec declared, QualityChecker sourceQuality, String path) {
        FilePatternSpec spec = declared.preset() == null
                ? declared
                : declared.over(Presets.named(declared.preset())
                        .orElseThrow(() -> new IllegalArgumentException(
                                "%s.preset: '%s' is not one of %s".formatted(path, declared.preset(), Presets.NAMES))));
        if (spec.glob() == null || spec.glob().isBlank()) {
            throw new IllegalArgumentException(path + ".glob: is required");
        }
        String format = spec.format() == null || spec.format().equals("auto") ? null : spec.format();
        if (format != null && !FilePattern.FORMATS.contains(format)) {
            throw new IllegalArgumentException(
                    "%s.format: '%s' is not one of %s".formatted(path, format, FilePattern.FORMATS));
        }
        Charset encoding = null;
        if (spec.encoding() != null && !spec.encoding().equalsIgnoreCase("auto")) {
            try {
                encoding = Charset.forName(spec.encoding());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "%s.encoding: '%s' is not auto or a charset such as utf-8 or windows-1252"
                                .formatted(path, spec.encoding()));
            }
        }
        char delimiter = "tsv".equals(format) ? '\t' : ',';
        if (spec.delimiter() != null) {
            String text = spec.delimiter().equals("\\t") ? "\t" : spec.delimiter();
            if (text.length() != 1) {
                throw new IllegalArgumentException(
                        "%s.delimiter: '%s' must be one character".formatted(path, spec.delimiter()));
            }
            delimiter = text.charAt(0);
        }
        boolean header = spec.header() == null || spec.header();
        List<String> columns = spec.columns() == null ? List.of() : spec.columns();
        if (!header && columns.isEmpty() && !"json".equals(format) && !"ndjson".equals(format)) {
            throw new IllegalArgumentException(path + ".columns: are required when header is false");
        }
        ParseSettings settings = ParseSettings.of(spec.decimalSeparator(), spec.timestampFormats(), spec.timezone());
        QualityChecker quality = spec.quality() == null
                ? sourceQuality
                : sourceQuality.and(QualityChecker.compile(spec.quality(), path + ".quality"));
        RowMapping mapping = RowMapping.compile(
                identity,
                spec.name(),
                Map.of(),
                spec.events() == null ? List.of() : spec.events(),
                spec.group(),
                settings,
                quality,
                path);
        return new FilePattern(
                spec,
                format,
                encoding,
                delimiter,
                header,
                columns,
                spec.nullValues() == null ? FilePattern.DEFAULT_NULL_VALUES : Set.copyOf(spec.nullValues()),
                mapping);
    }

    private static void required(String value, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": is required");
        }
    }

    private static void requireAbsent(boolean present, String field, String kind, List<String> problems) {
        if (present) {
            problems.add("%s: does not apply to %s sources".formatted(field, kind));
        }
    }

    /** The kinds that stream from a database. */
    public static boolean changeDataCapture(SourceKind kind) {
        return kind == SourceKind.POSTGRES || kind == SourceKind.MARIADB || kind == SourceKind.MYSQL;
    }
}
