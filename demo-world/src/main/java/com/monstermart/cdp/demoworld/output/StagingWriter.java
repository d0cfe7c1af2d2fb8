package com.monstermart.cdp.demoworld.output;

import com.monstermart.cdp.demoworld.DemoWorldErrorCode;
import com.monstermart.cdp.demoworld.DemoWorldException;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The snapshot rows of each table, staged as COPY text files ({@code <table>.tsv}) for the bulk load. */
public final class StagingWriter implements Closeable {
    private final Path directory;
    private final Map<TableSpec, Writer> writers = new LinkedHashMap<>();
    private final Map<TableSpec, Long> counts = new LinkedHashMap<>();
    private final StringBuilder line = new StringBuilder(512);

    public StagingWriter(Path directory) {
        this.directory = directory;
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new DemoWorldException(
                    DemoWorldErrorCode.FILE_FAILED, "Cannot create the staging directory " + directory, e);
        }
    }

    public void write(TableSpec table, Object[] values) {
        line.setLength(0);
        RowFormat.appendLine(line, table, values);
        try {
            Writer writer = writers.get(table);
            if (writer == null) {
                writer = new BufferedWriter(Files.newBufferedWriter(file(table), StandardCharsets.UTF_8), 1 << 16);
                writers.put(table, writer);
            }
            writer.append(line);
        } catch (IOException e) {
            throw new DemoWorldException(DemoWorldErrorCode.FILE_FAILED, "Cannot write " + file(table), e);
        }
        counts.merge(table, 1L, Long::sum);
    }

    public Path file(TableSpec table) {
        return directory.resolve(table.name() + ".tsv");
    }

    public long count(TableSpec table) {
        return counts.getOrDefault(table, 0L);
    }

    @Override
    public void close() {
        for (Map.Entry<TableSpec, Writer> entry : writers.entrySet()) {
            try {
                entry.getValue().close();
            } catch (IOException e) {
                throw new DemoWorldException(DemoWorldErrorCode.FILE_FAILED, "Cannot write " + file(entry.getKey()), e);
            }
        }
        writers.clear();
    }
}
