package com.monstermart.cdp.demoworld.output;

import com.monstermart.cdp.demoworld.DemoWorldErrorCode;
import com.monstermart.cdp.demoworld.DemoWorldException;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;

/**
 * Lines that arrive in simulation order (household by household) and leave sorted by time: they are spread over
 * time buckets in temporary files, then each bucket is sorted in memory and appended to the output files, which
 * appear under their final names only when complete (write to a hidden temporary name, then rename).
 */
public final class SortedFileSink implements Closeable {
    /** How lines become files. */
    public interface Layout {
        /** The file a line at this time belongs to. */
        String fileName(long time);

        /** The first line of every file, or null. */
        String header();

        Charset charset(String fileName);

        boolean gzip();
    }

    /** Told the 1-based line number of every messy line in the finished files. */
    public interface MessyLines {
        void record(String fileName, long lineNumber, String kind);
    }

    private final Path bucketDirectory;
    private final long start;
    private final long bucketMillis;
    private final Map<Long, Writer> buckets = new TreeMap<>();
    private long lines;

    public SortedFileSink(Path bucketDirectory, long start, long bucketMillis) {
        this.bucketDirectory = bucketDirectory;
        this.start = start;
        this.bucketMillis = bucketMillis;
        try {
            Files.createDirectories(bucketDirectory);
        } catch (IOException e) {
            throw failed(bucketDirectory, e);
        }
    }

    /** Adds a line (without line break); {@code messyKind} null for a clean line. */
    public void add(long time, String messyKind, String line) {
        long bucket = Math.floorDiv(time - start, bucketMillis);
        try {
            Writer writer = buckets.get(bucket);
            if (writer == null) {
                writer = Files.newBufferedWriter(bucketDirectory.resolve(bucket + ".lines"), StandardCharsets.UTF_8);
                buckets.put(bucket, writer);
            }
            writer.append(Long.toString(time))
                    .append('\t')
                    .append(messyKind == null ? "-" : messyKind)
                    .append('\t')
                    .append(line)
                    .append('\n');
        } catch (IOException e) {
            throw failed(bucketDirectory, e);
        }
        lines++;
    }

    public long lines() {
        return lines;
    }

    /** Writes the files into {@code directory} and returns their names in order. */
    public List<String> finish(Path directory, Layout layout, MessyLines messy) {
        List<String> files = new ArrayList<>();
        try {
            Files.createDirectories(directory);
            for (Writer writer : buckets.values()) {
                writer.close();
            }
            OpenFile current = null;
            for (Long bucket : buckets.keySet()) {
                Path bucketFile = bucketDirectory.resolve(bucket + ".lines");
                List<Entry> entries = new ArrayList<>();
                try (BufferedReader reader = Files.newBufferedReader(bucketFile, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = reader.readLine()) != null) {
                        int first = line.indexOf('\t');
                        int second = line.indexOf('\t', first + 1);
                        entries.add(new Entry(
                                Long.parseLong(line, 0, first, 10),
                                line.substring(first + 1, second),
                                line.substring(second + 1)));
                    }
                }
                // Stable: equal times keep the (deterministic) order in which they were added.
                entries.sort(Comparator.comparingLong(Entry::time));
                for (Entry entry : entries) {
                    String name = layout.fileName(entry.time());
                    if (current == null || !current.name.equals(name)) {
                        if (current != null) {
                            current.close();
                        }
                        current = new OpenFile(directory, name, layout);
                        files.add(name);
                    }
                    current.write(entry.line());
                    if (!entry.messyKind().equals("-")) {
                        messy.record(name, current.lineNumber, entry.messyKind());
                    }
                }
                Files.delete(bucketFile);
            }
            if (current != null) {
                current.close();
            }
            buckets.clear();
            Files.deleteIfExists(bucketDirectory);
        } catch (IOException e) {
            throw failed(directory, e);
        }
        return files;
    }

    @Override
    public void close() {
        for (Writer writer : buckets.values()) {
            try {
                writer.close();
            } catch (IOException e) {
                throw failed(bucketDirectory, e);
            }
        }
    }

    private static DemoWorldException failed(Path path, IOException e) {
        return new DemoWorldException(
                DemoWorldErrorCode.FILE_FAILED,
                "Cannot write files under %s: %s (check the directory and free disk space)".formatted(path, e),
                e);
    }

    private record Entry(long time, String messyKind, String line) {}

    private static final class OpenFile {
        private final String name;
        private final Path temporary;
        private final Path target;
        private final Writer writer;
        private long lineNumber;

        OpenFile(Path directory, String name, Layout layout) throws IOException {
            this.name = name;
            this.target = directory.resolve(name);
            this.temporary = directory.resolve("." + name + ".tmp");
            OutputStream stream = Files.newOutputStream(temporary);
            if (layout.gzip()) {
                stream = new GZIPOutputStream(stream, 1 << 16);
            }
            Charset charset = layout.charset(name);
            this.writer = new BufferedWriter(new OutputStreamWriter(stream, charset.newEncoder()), 1 << 16);
            if (layout.header() != null) {
                write(layout.header());
            }
        }

        void write(String line) throws IOException {
            writer.write(line);
            writer.write('\n');
            lineNumber++;
        }

        void close() throws IOException {
            writer.close();
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }
}
