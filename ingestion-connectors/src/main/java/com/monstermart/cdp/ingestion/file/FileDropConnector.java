package com.monstermart.cdp.ingestion.file;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.event.ValidationProblem;
import com.monstermart.cdp.ingestion.core.CompiledSource;
import com.monstermart.cdp.ingestion.core.Emitter;
import com.monstermart.cdp.ingestion.core.EventSink;
import com.monstermart.cdp.ingestion.core.FilePattern;
import com.monstermart.cdp.ingestion.core.LookupExecutor;
import com.monstermart.cdp.ingestion.core.RowMapping;
import com.monstermart.cdp.ingestion.core.SourceConnector;
import com.monstermart.cdp.ingestion.core.SourceMetrics;
import com.monstermart.cdp.ingestion.core.SourceRow;
import com.monstermart.cdp.ingestion.core.ValueException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads files dropped in a directory (and/or a bucket), maps their rows and writes events, incrementally: each
 * file's progress is saved after every acknowledged batch ({@link FileState}), so a file, or the appended tail of a
 * growing file, is never read twice, across restarts too. Plain CSV, TSV and NDJSON files are read as they grow, up
 * to their last complete line; gzip files and JSON documents once they stop changing. A file whose content
 * fingerprint matches a file already read completely is skipped as a copy.
 */
public final class FileDropConnector implements SourceConnector {
    /** Bytes the fingerprint covers at most. */
    public static final int FINGERPRINT_BYTES = 64 * 1024;

    private static final Logger LOG = Logger.getLogger(FileDropConnector.class.getName());
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

    private final CompiledSource source;
    private final List<FileStore> stores;
    private final FileStateStore states;
    private final EventSink sink;
    private final SourceMetrics metrics;
    private final Clock clock;
    private final int batchSize;
    private final Listener listener;
    private volatile boolean stopping;
    private volatile Thread worker;

    public FileDropConnector(
            CompiledSource source,
            List<FileStore> stores,
            FileStateStore states,
            EventSink sink,
            SourceMetrics metrics,
            Clock clock,
            int batchSize,
            Listener listener) {
        this.source = requireNonNull(source, "source is null");
        this.stores = List.copyOf(stores);
        this.states = requireNonNull(states, "states is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.batchSize = batchSize;
        this.listener = requireNonNull(listener, "listener is null");
    }

    @Override
    public void start() {
        Thread thread = new Thread(this::run, "cdp-files-" + source.id());
        thread.setDaemon(true);
        worker = thread;
        thread.start();
    }

    @Override
    public void close() {
        stopping = true;
        Thread thread = worker;
        if (thread != null) {
            LockSupport.unpark(thread);
            try {
                thread.join(Duration.ofSeconds(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        Duration pollInterval = source.spec().files().pollInterval();
        Duration wait = pollInterval;
        while (!stopping) {
            try {
                scanOnce();
                wait = pollInterval;
            } catch (IOException e) {
                String message =
                        "Cannot read the drop location of source %s: %s".formatted(source.id(), e.getMessage());
                metrics.error(message);
                listener.retrying(message);
                LOG.log(Level.WARNING, message);
                wait = wait.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait.multipliedBy(2);
            } catch (RuntimeException e) {
                listener.failed(e instanceof CompletionException && e.getCause() != null ? e.getCause() : e);
                return;
            }
            long deadline = System.nanoTime() + wait.toNanos();
            while (!stopping && System.nanoTime() < deadline) {
                LockSupport.parkNanos(deadline - System.nanoTime());
            }
        }
    }

    /**
     * Reads what is new in every location once.
     *
     * @return records read
     * @throws IOException when a location cannot be listed
     */
    public long scanOnce() throws IOException {
        long read = 0;
        Instant oldestPending = null;
        for (FileStore store : stores) {
            List<FileEntry> entries = new ArrayList<>(store.list());
            entries.sort(Comparator.comparing(FileEntry::key));
            for (FileEntry entry : entries) {
                if (stopping) {
                    return read;
                }
                Optional<FilePattern> pattern = source.patternFor(entry.fileName());
                if (pattern.isEmpty()) {
                    continue;
                }
                try {
                    read += process(store, entry, pattern.get());
                } catch (IOException e) {
                    String message =
                            "Cannot read %s of source %s: %s".formatted(entry.key(), source.id(), e.getMessage());
                    metrics.error(message);
                    listener.retrying(message);
                    LOG.log(Level.WARNING, message);
                    oldestPending = oldest(oldestPending, entry.modified());
                }
                if (pending(entry)) {
                    oldestPending = oldest(oldestPending, entry.modified());
                }
            }
        }
        if (oldestPending == null) {
            metrics.caughtUp();
        } else {
            metrics.lag(Duration.between(oldestPending, clock.instant()));
        }
        return read;
    }

    private static Instant oldest(Instant current, Instant candidate) {
        return current == null || candidate.isBefore(current) ? candidate : current;
    }

    /** Whether a file still has content to read. */
    private boolean pending(FileEntry entry) {
        Optional<FileState> state = states.find(source.id(), entry.key());
        return state.isEmpty()
                || (!state.get().complete() && state.get().offset() < entry.size() && !compressed(entry));
    }

    private static boolean compressed(FileEntry entry) {
        return entry.fileName().toLowerCase(java.util.Locale.ROOT).endsWith(".gz");
    }

    private long process(FileStore store, FileEntry entry, FilePattern pattern) throws IOException {
        Optional<String> format = pattern.formatOf(entry.fileName());
        Instant now = clock.instant();
        boolean compressed = compressed(entry);
        boolean wholeFile = compressed || format.filter("json"::equals).isPresent();
        boolean stable =
                entry.modified().isBefore(now.minus(source.spec().files().stableAfter()));
        if (entry.size() == 0 || (wholeFile && !stable)) {
            return 0;
        }
        Optional<FileState> known = states.find(source.id(), entry.key());
        FileState state = null;
        if (known.isPresent()) {
            FileState previous = known.get();
            if (previous.complete() && previous.size() == entry.size()) {
                return 0;
            }
            if (entry.size() >= previous.fingerprintLength()
                    && previous.fingerprint().equals(fingerprint(store.prefix(entry, previous.fingerprintLength())))) {
                state = previous;
                if (!wholeFile && entry.size() == previous.offset()) {
                    return 0;
                }
                if (!wholeFile && entry.size() < previous.offset()) {
                    state = null;
                }
            }
            if (state == null) {
                LOG.log(Level.INFO, "File {0} of source {1} was replaced; reading it from the start", new Object[] {
                    entry.key(), source.id()
                });
            }
        }
        if (state == null) {
            int length = (int) Math.min(entry.size(), FINGERPRINT_BYTES);
            String fingerprint = fingerprint(store.prefix(entry, length));
            Optional<FileState> copyOf = states.all(source.id()).stream()
                    .filter(other -> other.complete()
                            && other.fingerprint().equals(fingerprint)
                            && other.fingerprintLength() == length
                            && other.size() == entry.size()
                            && !other.fileKey().equals(entry.key()))
                    .findFirst();
            if (copyOf.isPresent()) {
                LOG.log(Level.INFO, "File {0} of source {1} is a copy of {2}; skipped", new Object[] {
                    entry.key(), source.id(), copyOf.get().fileKey()
                });
                states.save(new FileState(
                        source.id(),
                        entry.key(),
                        fingerprint,
                        length,
                        entry.size(),
                        copyOf.get().records(),
                        entry.size(),
                        copyOf.get().header(),
                        true,
                        now));
                return 0;
            }
            state = new FileState(source.id(), entry.key(), fingerprint, length, 0, 0, 0, List.of(), false, now);
        }
        if (format.isEmpty()) {
            Emitter emitter = new Emitter(source.id(), sink, metrics, clock);
            emitter.reject(
                    "file=" + entry.key(),
                    "cannot tell the file's format from its name; set format in pattern '%s'".formatted(pattern.name()),
                    "");
            emitter.flush().join();
            states.save(state.completed(now));
            return 0;
        }
        return read(store, entry, pattern, format.get(), state, wholeFile, wholeFile || stable);
    }

    private long read(
            FileStore store,
            FileEntry entry,
            FilePattern pattern,
            String format,
            FileState state,
            boolean wholeFile,
            boolean complete)
            throws IOException {
        long skip = wholeFile ? state.records() : 0;
        long startOffset = wholeFile ? 0 : state.offset();
        long startRecords = wholeFile ? 0 : state.records();
        InputStream raw = store.open(entry, startOffset);
        InputStream in = compressed(entry) ? new GZIPInputStream(raw, 1 << 16) : raw;
        RowMapping mapping = pattern.mapping();
        Emitter emitter = new Emitter(source.id(), sink, metrics, clock);
        long read = 0;
        FileState current = state;
        try (RecordReader reader =
                reader(in, pattern, format, entry.fileName(), state, startOffset, startRecords, complete)) {
            long safeOffset = startOffset;
            long safeRecords = startRecords;
            long previousOffset = startOffset;
            long previousRecords = startRecords;
            long groupOffset = startOffset;
            long groupRecords = startRecords;
            List<SourceRow> group = new ArrayList<>();
            String groupKey = null;
            Instant receivedAt = clock.instant();
            CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);
            FileState acknowledged = null;
            while (!stopping) {
                FileRecord record;
                try {
                    record = reader.next();
                } catch (ZipException | java.io.EOFException e) {
                    emitter.reject(
                            "file=%s record=%d".formatted(entry.key(), previousRecords + 1),
                            "the compressed file is corrupt or truncated: " + e.getMessage(),
                            "");
                    break;
                }
                if (record == null) {
                    break;
                }
                if (record.records() > skip) {
                    read++;
                    if (record.row() == null) {
                        emitter.reject(
                                record.position(),
                                List.of(new ValidationProblem("$", record.problem())),
                                record.payload());
                    } else if (mapping.grouped()) {
                        String key;
                        try {
                            key = mapping.groupKey(record.row());
                        } catch (ValueException e) {
                            emitter.reject(
                                    record.position(),
                                    List.of(new ValidationProblem("$.group.key", e.getMessage())),
                                    record.payload());
                            key = null;
                        }
                        if (!group.isEmpty() && !Objects.equals(key, groupKey)) {
                            emitter.add(mapping.map(group, receivedAt, LookupExecutor.NONE), group.getFirst());
                            group.clear();
                        }
                        if (key != null) {
                            if (group.isEmpty()) {
                                groupOffset = previousOffset;
                                groupRecords = previousRecords;
                            }
                            group.add(record.row());
                            groupKey = key;
                        }
                    } else {
                        emitter.add(mapping.map(record.row(), receivedAt, LookupExecutor.NONE), record.row());
                    }
                }
                previousOffset = record.endOffset();
                previousRecords = record.records();
                safeOffset = group.isEmpty() ? previousOffset : groupOffset;
                safeRecords = group.isEmpty() ? previousRecords : groupRecords;
                if (emitter.size() >= batchSize) {
                    // two batches in flight: map the next while Kafka acknowledges this one; positions are saved
                    // in order, each once its batch is acknowledged
                    CompletableFuture<Void> sent = emitter.flush();
                    inFlight.join();
                    if (acknowledged != null) {
                        states.save(acknowledged);
                    }
                    current = current.advanced(safeOffset, safeRecords, entry.size(), reader.header(), clock.instant());
                    acknowledged = current;
                    inFlight = sent;
                    receivedAt = clock.instant();
                }
            }
            if (!group.isEmpty() && !stopping) {
                emitter.add(mapping.map(group, receivedAt, LookupExecutor.NONE), group.getFirst());
                group.clear();
                safeOffset = previousOffset;
                safeRecords = previousRecords;
            }
            CompletableFuture<Void> last = emitter.flush();
            inFlight.join();
            last.join();
            current = current.advanced(safeOffset, safeRecords, entry.size(), reader.header(), clock.instant());
            if (wholeFile && !stopping) {
                current = current.completed(clock.instant());
            }
            states.save(current);
        }
        return read;
    }

    private RecordReader reader(
            InputStream in,
            FilePattern pattern,
            String format,
            String fileName,
            FileState state,
            long offset,
            long records,
            boolean complete)
            throws IOException {
        return switch (format) {
            case "csv", "tsv" ->
                new DelimitedRecordReader(
                        in,
                        pattern,
                        fileName,
                        state.fingerprint(),
                        "tsv".equals(format) && pattern.spec().delimiter() == null ? '\t' : pattern.delimiter(),
                        offset,
                        records,
                        state.header(),
                        complete);
            case "ndjson" ->
                new NdjsonRecordReader(in, pattern, fileName, state.fingerprint(), offset, records, complete);
            case "json" -> new JsonArrayRecordReader(in, pattern, fileName, state.fingerprint(), 0);
            default -> throw new IllegalStateException("format " + format);
        };
    }

    static String fingerprint(byte[] prefix) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(prefix);
            return HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new UncheckedIOException(new IOException("The JDK lacks SHA-256", e));
        }
    }
}
