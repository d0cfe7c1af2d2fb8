package com.monstermart.cdp.ingestion.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.JsonValues;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.ingestion.cdc.CdcAdmin;
import com.monstermart.cdp.ingestion.cdc.CdcNames;
import com.monstermart.cdp.ingestion.cdc.JdbcLookupExecutor;
import com.monstermart.cdp.ingestion.core.CollectingSink;
import com.monstermart.cdp.ingestion.core.CompiledSource;
import com.monstermart.cdp.ingestion.core.DesiredState;
import com.monstermart.cdp.ingestion.core.Emitter;
import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.HttpSpec;
import com.monstermart.cdp.ingestion.core.IngestionException;
import com.monstermart.cdp.ingestion.core.MapRow;
import com.monstermart.cdp.ingestion.core.MappingResult;
import com.monstermart.cdp.ingestion.core.Operation;
import com.monstermart.cdp.ingestion.core.RowMapping;
import com.monstermart.cdp.ingestion.core.SourceMetrics;
import com.monstermart.cdp.ingestion.core.SourceRuntime;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceSpecs;
import com.monstermart.cdp.ingestion.core.SourceStatus;
import com.monstermart.cdp.ingestion.core.SourceSupervisor;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.core.StoredSource;
import com.monstermart.cdp.ingestion.file.FileDropConnector;
import com.monstermart.cdp.ingestion.file.FileEntry;
import com.monstermart.cdp.ingestion.file.FileStore;
import com.monstermart.cdp.ingestion.file.FileStores;
import com.monstermart.cdp.ingestion.file.InMemoryFileStateStore;
import com.monstermart.cdp.ingestion.http.SegmentPayloads;
import com.monstermart.cdp.ingestion.http.WriteKeys;
import com.monstermart.cdp.ingestion.kafka.KafkaEventSink;
import com.monstermart.cdp.ingestion.persistence.JdbcCdcOffsets;
import com.monstermart.cdp.ingestion.persistence.JdbcFileStateStore;
import com.monstermart.cdp.ingestion.persistence.JdbcSourceStore;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The source registry as operators use it: definitions with validation, write keys, pause and resume, status,
 * connection tests and dry runs. Every change is persisted, audited and applied at once (the supervisor reconciles).
 */
@ApplicationScoped
public class SourceRegistry {
    private final JdbcSourceStore store;
    private final SourceSupervisor supervisor;
    private final JdbcFileStateStore fileStates;
    private final JdbcCdcOffsets offsets;
    private final KafkaEventSink sink;
    private final SegmentPayloads payloads;
    private final Clock clock;

    public SourceRegistry(
            JdbcSourceStore store,
            SourceSupervisor supervisor,
            JdbcFileStateStore fileStates,
            JdbcCdcOffsets offsets,
            KafkaEventSink sink,
            SegmentPayloads payloads,
            Clock clock) {
        this.store = store;
        this.supervisor = supervisor;
        this.fileStates = fileStates;
        this.offsets = offsets;
        this.sink = sink;
        this.payloads = payloads;
        this.clock = clock;
    }

    /**
     * A source just created or changed, with its write key when one was generated or set (shown once).
     *
     * @param source the stored source
     * @param writeKey the new write key, if any
     */
    public record Saved(StoredSource source, Optional<String> writeKey) {}

    public List<StoredSource> list() {
        return store.list();
    }

    public StoredSource get(String id) {
        return store.find(id)
                .orElseThrow(() -> new IngestionException(
                        ErrorCode.SOURCE_NOT_FOUND, "No source '%s'; list the sources to see their ids".formatted(id)));
    }

    /** The status of a source (this instance's view). */
    public SourceStatus status(String id) {
        StoredSource stored = get(id);
        return supervisor
                .runtime(id)
                .map(SourceRuntime::status)
                .orElseGet(() -> new SourceStatus(
                        id,
                        stored.spec().kind(),
                        com.monstermart.cdp.ingestion.core.SourceState.STARTING,
                        stored.desiredState(),
                        -1,
                        null,
                        0,
                        0,
                        0,
                        0,
                        0,
                        0,
                        null,
                        0,
                        null,
                        stored.version()));
    }

    public Saved create(SourceSpec spec, String actor) {
        return create(spec, actor, "api", Optional.empty());
    }

    private Saved create(SourceSpec spec, String actor, String origin, Optional<String> originHash) {
        SourceSpecs.compile(spec);
        Optional<String> writeKey = Optional.empty();
        Optional<String> hash = Optional.empty();
        SourceSpec stored = spec;
        if (spec.kind() == SourceKind.HTTP) {
            String key = spec.http() != null
                            && spec.http().writeKey() != null
                            && !spec.http().writeKey().isBlank()
                    ? spec.http().writeKey()
                    : WriteKeys.generate();
            writeKey = Optional.of(key);
            hash = Optional.of(WriteKeys.hash(key));
            stored = spec.withHttp(new HttpSpec(null));
        }
        Instant now = clock.instant();
        StoredSource created =
                store.create(new StoredSource(stored, DesiredState.ACTIVE, hash, origin, originHash, 1, now, now));
        store.audit(spec.id(), "create", actor, origin);
        supervisor.reconcile();
        Log.infof("Source %s (%s) created by %s", spec.id(), spec.kind().wireName(), actor);
        return new Saved(created, origin.equals("api") ? writeKey : Optional.empty());
    }

    /**
     * Replaces a definition (kind and id stay). A new write key in {@code http.writeKey} replaces the old one.
     *
     * @param expectedVersion when given, the update fails if the source changed meanwhile
     */
    public Saved update(String id, SourceSpec spec, String actor, OptionalLong expectedVersion) {
        return update(id, spec, actor, expectedVersion, null, Optional.empty());
    }

    private Saved update(
            String id,
            SourceSpec spec,
            String actor,
            OptionalLong expectedVersion,
            String origin,
            Optional<String> originHash) {
        StoredSource current = get(id);
        if (spec.id() != null && !spec.id().equals(id)) {
            throw new IngestionException(
                    ErrorCode.INVALID_REQUEST, "The body's id '%s' is not the path's '%s'".formatted(spec.id(), id));
        }
        SourceSpec withId = spec.id() == null
                ? new SourceSpec(
                        id,
                        spec.kind(),
                        spec.description(),
                        spec.namespace(),
                        spec.database(),
                        spec.files(),
                        spec.http(),
                        spec.tables(),
                        spec.quality(),
                        spec.failure())
                : spec;
        if (withId.kind() != current.spec().kind()) {
            throw new IngestionException(
                    ErrorCode.INVALID_REQUEST,
                    "A source cannot change kind (%s to %s); create a new source instead"
                            .formatted(
                                    current.spec().kind().wireName(),
                                    withId.kind() == null
                                            ? "none"
                                            : withId.kind().wireName()));
        }
        SourceSpecs.compile(withId);
        Optional<String> hash = current.writeKeyHash();
        Optional<String> writeKey = Optional.empty();
        SourceSpec stored = withId;
        if (withId.kind() == SourceKind.HTTP) {
            if (withId.http() != null
                    && withId.http().writeKey() != null
                    && !withId.http().writeKey().isBlank()) {
                writeKey = Optional.of(withId.http().writeKey());
                hash = Optional.of(WriteKeys.hash(withId.http().writeKey()));
            }
            stored = withId.withHttp(new HttpSpec(null));
        }
        if (stored.database() != null
                && stored.database().password() != null
                && stored.database().password().equals("********")) {
            stored = new SourceSpec(
                    stored.id(),
                    stored.kind(),
                    stored.description(),
                    stored.namespace(),
                    new com.monstermart.cdp.ingestion.core.DatabaseSpec(
                            stored.database().host(),
                            stored.database().port(),
                            stored.database().database(),
                            stored.database().user(),
                            current.spec().database() == null
                                    ? null
                                    : current.spec().database().password(),
                            stored.database().slot(),
                            stored.database().publication(),
                            stored.database().serverId(),
                            stored.database().snapshot(),
                            stored.database().replicaIdentityFull(),
                            stored.database().debezium()),
                    stored.files(),
                    stored.http(),
                    stored.tables(),
                    stored.quality(),
                    stored.failure());
        }
        StoredSource updated = store.update(
                new StoredSource(
                        stored,
                        current.desiredState(),
                        hash,
                        origin == null ? current.origin() : origin,
                        origin == null ? current.originHash() : originHash,
                        current.version(),
                        current.createdAt(),
                        clock.instant()),
                expectedVersion.orElse(current.version()));
        store.audit(id, "update", actor, null);
        supervisor.reconcile();
        return new Saved(updated, writeKey);
    }

    /** Deletes a source: stops it, drops its replication slot and forgets its positions. */
    public void delete(String id, String actor) {
        StoredSource current = get(id);
        store.delete(id);
        store.audit(id, "delete", actor, null);
        supervisor.reconcile();
        if (current.spec().changeDataCapture()) {
            CdcAdmin.dropSlot(current.spec());
            offsets.deleteAll(id);
        }
        if (current.spec().kind() == SourceKind.FILE) {
            fileStates.deleteAll(id);
        }
        Log.infof("Source %s deleted by %s", id, actor);
    }

    public StoredSource pause(String id, String actor) {
        return setState(id, DesiredState.PAUSED, actor);
    }

    public StoredSource resume(String id, String actor) {
        return setState(id, DesiredState.ACTIVE, actor);
    }

    private StoredSource setState(String id, DesiredState state, String actor) {
        StoredSource current = get(id);
        if (current.desiredState() == state) {
            return current;
        }
        StoredSource updated = store.update(current.withDesiredState(state, clock.instant()), current.version());
        store.audit(id, state == DesiredState.PAUSED ? "pause" : "resume", actor, null);
        supervisor.reconcile();
        return updated;
    }

    /** A new random write key for an HTTP source; the old one stops working at once. */
    public Saved rotateWriteKey(String id, String actor) {
        StoredSource current = get(id);
        if (current.spec().kind() != SourceKind.HTTP) {
            throw new IngestionException(
                    ErrorCode.UNSUPPORTED_OPERATION,
                    "Source '%s' is a %s source; only HTTP sources have write keys"
                            .formatted(id, current.spec().kind().wireName()));
        }
        String key = WriteKeys.generate();
        StoredSource updated = store.update(
                new StoredSource(
                        current.spec(),
                        current.desiredState(),
                        Optional.of(WriteKeys.hash(key)),
                        current.origin(),
                        current.originHash(),
                        current.version(),
                        current.createdAt(),
                        clock.instant()),
                current.version());
        store.audit(id, "rotate-write-key", actor, null);
        supervisor.reconcile();
        return new Saved(updated, Optional.of(key));
    }

    /** Applies a definition file: creates the source, or updates it when the file changed since last applied. */
    public void applyFile(String fileName, String text) {
        String hash = SourceFiles.hash(text);
        SourceSpec spec = SpecJson.readYaml(text, SourceSpec.class, fileName);
        Optional<StoredSource> current = store.find(spec.id());
        String origin = "file:" + fileName;
        if (current.isEmpty()) {
            Saved saved = create(spec, "file " + fileName, origin, Optional.of(hash));
            Log.infof("Source %s created from %s", saved.source().id(), fileName);
        } else if (!current.get().originHash().equals(Optional.of(hash))) {
            update(spec.id(), spec, "file " + fileName, OptionalLong.empty(), origin, Optional.of(hash));
            Log.infof("Source %s updated from %s", spec.id(), fileName);
        }
    }

    /** Tests whether a definition's source can be reached and has what it needs. */
    public ConnectionTest testConnection(SourceSpec spec) {
        SourceSpecs.compile(spec);
        return switch (spec.kind()) {
            case POSTGRES, MARIADB, MYSQL -> {
                CdcAdmin.Check check = CdcAdmin.test(spec);
                yield new ConnectionTest(check.ok(), check.checks());
            }
            case FILE -> testFiles(spec);
            case HTTP ->
                new ConnectionTest(
                        true,
                        List.of(
                                "ok: HTTP sources receive calls at /v1/identify, /v1/track, /v1/page, /v1/alias and /v1/batch"));
        };
    }

    /** Tests a stored source (its password is not in the request). */
    public ConnectionTest testConnection(String id) {
        return testConnection(get(id).spec());
    }

    private static ConnectionTest testFiles(SourceSpec spec) {
        List<String> checks = new ArrayList<>();
        boolean ok = true;
        CompiledSource compiled = SourceSpecs.compile(spec);
        for (FileStore store : FileStores.of(spec.files())) {
            try {
                List<FileEntry> entries = store.list();
                long matching = entries.stream()
                        .filter(entry -> compiled.patternFor(entry.fileName()).isPresent())
                        .count();
                checks.add("ok: %s has %d files, %d matching a pattern"
                        .formatted(store.describe(), entries.size(), matching));
            } catch (IOException e) {
                ok = false;
                checks.add("problem: cannot list %s: %s".formatted(store.describe(), e.getMessage()));
            }
        }
        return new ConnectionTest(ok, checks);
    }

    /** A dry run of a stored source's mapping on sample data. */
    public PreviewResult preview(String id, PreviewRequest request) {
        return preview(get(id).spec(), request);
    }

    /** A dry run of a definition's mapping on sample data: nothing is written, no position is saved. */
    public PreviewResult preview(SourceSpec spec, PreviewRequest request) {
        CompiledSource compiled = SourceSpecs.compile(spec);
        CollectingSink collected = new CollectingSink();
        long skipped =
                switch (spec.kind()) {
                    case FILE -> previewFile(compiled, request, collected);
                    case POSTGRES, MARIADB, MYSQL -> previewRows(compiled, request, collected);
                    case HTTP -> previewHttp(compiled, request, collected);
                };
        List<JsonNode> events =
                collected.events().stream().<JsonNode>map(EventJson::toTree).toList();
        return new PreviewResult(events, collected.deadLetters(), skipped);
    }

    private long previewFile(CompiledSource compiled, PreviewRequest request, CollectingSink collected) {
        PreviewRequest.FileSample sample = request.file();
        if (sample == null || sample.name() == null || (sample.content() == null && sample.contentBase64() == null)) {
            throw new IngestionException(
                    ErrorCode.INVALID_REQUEST,
                    "A file source's preview needs file.name and file.content (or file.contentBase64)");
        }
        if (compiled.patternFor(sample.name()).isEmpty()) {
            throw new IngestionException(
                    ErrorCode.INVALID_REQUEST,
                    "File name '%s' matches none of the source's patterns".formatted(sample.name()));
        }
        Path directory = null;
        try {
            directory = Files.createTempDirectory("cdp-preview");
            byte[] content = sample.content() != null
                    ? sample.content().getBytes(StandardCharsets.UTF_8)
                    : Base64.getDecoder().decode(sample.contentBase64());
            Files.write(directory.resolve(Path.of(sample.name()).getFileName()), content);
            Clock later = Clock.offset(clock, Duration.ofDays(1));
            SourceMetrics metrics = new SourceMetrics(later, Duration.ofMinutes(1));
            FileDropConnector connector = new FileDropConnector(
                    compiled,
                    List.of(new com.monstermart.cdp.ingestion.file.DirectoryFileStore(directory)),
                    new InMemoryFileStateStore(),
                    collected,
                    metrics,
                    later,
                    1000,
                    cause -> {
                        throw new IngestionException(
                                ErrorCode.INTERNAL, "Preview failed: " + cause.getMessage(), cause);
                    });
            connector.scanOnce();
            return metrics.skipped();
        } catch (IOException e) {
            throw new IngestionException(ErrorCode.INTERNAL, "Cannot stage the preview file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IngestionException(ErrorCode.INVALID_REQUEST, "file.contentBase64 is not base64", e);
        } finally {
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(path);
                    }
                } catch (IOException e) {
                    Log.debugf("Cannot delete the preview directory %s", directory);
                }
            }
        }
    }

    private long previewRows(CompiledSource compiled, PreviewRequest request, CollectingSink collected) {
        if (request.rows().isEmpty()) {
            throw new IngestionException(ErrorCode.INVALID_REQUEST, "A CDC source's preview needs rows");
        }
        SourceSpec spec = compiled.spec();
        Emitter emitter = new Emitter(spec.id(), collected, new SourceMetrics(clock, Duration.ofMinutes(1)), clock);
        long skipped = 0;
        try (JdbcLookupExecutor lookups = new JdbcLookupExecutor(
                CdcNames.jdbcUrl(spec),
                spec.database().user(),
                spec.database().password() == null ? "" : spec.database().password())) {
            for (int i = 0; i < request.rows().size(); i++) {
                PreviewRequest.RowSample sample = request.rows().get(i);
                int index = i;
                RowMapping mapping = compiled.tables().get(sample.table());
                if (mapping == null) {
                    throw new IngestionException(
                            ErrorCode.INVALID_REQUEST,
                            "rows[%d].table: '%s' is not mapped; mapped tables: %s"
                                    .formatted(
                                            i, sample.table(), compiled.tables().keySet()));
                }
                Operation operation = sample.operation() == null
                        ? Operation.INSERT
                        : Operation.fromWireName(sample.operation())
                                .orElseThrow(() -> new IngestionException(
                                        ErrorCode.INVALID_REQUEST,
                                        "rows[%d].operation: '%s' is not insert, update, delete or snapshot"
                                                .formatted(index, sample.operation())));
                Map<String, Object> after = row(sample.after(), "rows[%d].after".formatted(i));
                Map<String, Object> before =
                        sample.before() == null ? null : row(sample.before(), "rows[%d].before".formatted(i));
                Map<String, Object> current = after != null ? after : before;
                if (current == null) {
                    throw new IngestionException(
                            ErrorCode.INVALID_REQUEST, "rows[%d]: give after or before".formatted(i));
                }
                MapRow row = new MapRow(
                        sample.table(),
                        operation,
                        current,
                        before,
                        "preview row=" + i,
                        null,
                        String.valueOf(sample.after()));
                MappingResult result = mapping.map(row, clock.instant(), lookups);
                if (result.skipped()) {
                    skipped++;
                }
                emitter.add(result, row);
            }
        }
        emitter.flush().join();
        return skipped;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> row(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IngestionException(ErrorCode.INVALID_REQUEST, path + ": must be an object of column: value");
        }
        return (Map<String, Object>) JsonValues.fromJson(node, path);
    }

    private long previewHttp(CompiledSource compiled, PreviewRequest request, CollectingSink collected) {
        if (request.http() == null || !request.http().isObject()) {
            throw new IngestionException(
                    ErrorCode.INVALID_REQUEST, "An HTTP source's preview needs http: a Segment call body");
        }
        SegmentPayloads.Call call = new SegmentPayloads.Call("preview", clock.instant(), null, null, false);
        SegmentPayloads.Result result;
        if (request.http().has("batch")) {
            result = payloads.batch(request.http(), compiled.identity(), compiled.quality(), call);
        } else {
            String type = request.http().path("type").asText("track");
            if (EventType.fromWireName(type).isEmpty() && !type.equals("screen")) {
                type = "track";
            }
            result = payloads.single(type, request.http(), compiled.identity(), compiled.quality(), call);
        }
        collected.send(result.events());
        List<DeadLetter> letters = result.rejected().stream()
                .map(rejected -> DeadLetter.invalid(
                        compiled.id(), rejected.position(), rejected.problems(), rejected.payload(), clock.instant()))
                .toList();
        collected.sendDeadLetters(compiled.id(), letters);
        return 0;
    }

    /** The sink the registry's sources write to (for the dead-letter reader). */
    public KafkaEventSink sink() {
        return sink;
    }
}
