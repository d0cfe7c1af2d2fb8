package com.monstermart.cdp.analytics.clv;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the records of a delimited text file (UTF-8, undecodable bytes replaced), skipping blank lines. */
final class DelimitedReader implements Closeable {
    private final BufferedReader reader;
    private final Delimiter delimiter;
    private final Path file;
    private long lineNumber;

    DelimitedReader(Path file, Delimiter delimiter) {
        this.file = file;
        this.delimiter = delimiter;
        try {
            this.reader = new BufferedReader(
                    new InputStreamReader(
                            Files.newInputStream(file),
                            StandardCharsets.UTF_8
                                    .newDecoder()
                                    .onMalformedInput(CodingErrorAction.REPLACE)
                                    .onUnmappableCharacter(CodingErrorAction.REPLACE)),
                    1 << 16);
        } catch (NoSuchFileException e) {
            throw new ClvException(ClvErrorCode.FILE_FAILED, "file not found: " + file);
        } catch (IOException e) {
            throw new ClvException(ClvErrorCode.FILE_FAILED, "cannot open %s: %s".formatted(file, e.getMessage()), e);
        }
    }

    /** The next non-blank record's fields (trimmed), or null at the end of the file. */
    List<String> next() {
        try {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
                    line = line.substring(1); // byte order mark
                }
                if (!line.isBlank()) {
                    return split(line);
                }
            }
            return null;
        } catch (IOException e) {
            throw new ClvException(
                    ClvErrorCode.FILE_FAILED,
                    "cannot read %s at line %d: %s".formatted(file, lineNumber + 1, e.getMessage()),
                    e);
        } catch (UncheckedIOException e) {
            throw new ClvException(ClvErrorCode.FILE_FAILED, "cannot read %s: %s".formatted(file, e.getMessage()), e);
        }
    }

    /** 1-based number of the line of the last record returned. */
    long lineNumber() {
        return lineNumber;
    }

    private List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        if (delimiter.whitespace()) {
            for (String field : line.trim().split("[ \\t]+")) {
                fields.add(field);
            }
            return fields;
        }
        char separator = delimiter.character();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == separator) {
                fields.add(field.toString().trim());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        if (quoted) {
            throw ClvException.invalid("%s line %d: a quoted field is not closed", file.getFileName(), lineNumber);
        }
        fields.add(field.toString().trim());
        return fields;
    }

    @Override
    public void close() {
        try {
            reader.close();
        } catch (IOException e) {
            throw new ClvException(ClvErrorCode.FILE_FAILED, "cannot close %s: %s".formatted(file, e.getMessage()), e);
        }
    }
}
