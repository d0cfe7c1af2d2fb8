package com.monstermart.cdp.ingestion.file;

import com.monstermart.cdp.ingestion.core.FilePattern;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/** CSV and TSV records: header, quoted fields, null values, ragged rows rejected with their line. */
final class DelimitedRecordReader implements RecordReader {
    private final InputStream in;
    private final RecordSplitter splitter;
    private final TextDecoder decoder;
    private final FilePattern pattern;
    private final String fileName;
    private final String fingerprint;
    private final char delimiter;
    private FileRow.Columns columns;
    private long records;

    DelimitedRecordReader(
            InputStream in,
            FilePattern pattern,
            String fileName,
            String fingerprint,
            char delimiter,
            long offset,
            long records,
            List<String> header,
            boolean complete)
            throws IOException {
        this.in = in;
        this.pattern = pattern;
        this.fileName = fileName;
        this.fingerprint = fingerprint;
        this.delimiter = delimiter;
        this.records = records;
        this.decoder = new TextDecoder(pattern.encoding());
        this.splitter = new RecordSplitter(in, offset, records + 1, true, complete);
        if (offset == 0) {
            splitter.skipByteOrderMark();
        }
        if (!pattern.header()) {
            columns = new FileRow.Columns(pattern.columns());
        } else if (!header.isEmpty()) {
            columns = new FileRow.Columns(header);
        }
    }

    @Override
    public FileRecord next() throws IOException {
        while (splitter.next()) {
            records++;
            String position = "file=" + fileName + " line=" + splitter.line;
            if (splitter.tooLong) {
                return new FileRecord(
                        null,
                        "the record is longer than %d bytes (an unclosed quote?)".formatted(RecordSplitter.MAX_RECORD),
                        position,
                        "",
                        splitter.endOffset,
                        records);
            }
            String text = decoder.decode(splitter.bytes, splitter.start, splitter.length);
            if (columns == null) {
                columns = new FileRow.Columns(
                        Csv.split(text, delimiter).stream().map(String::strip).toList());
                continue;
            }
            if (text.isBlank()) {
                continue;
            }
            List<String> fields = Csv.split(text, delimiter);
            if (fields.size() != columns.size()) {
                return new FileRecord(
                        null,
                        "has %d fields, the header has %d".formatted(fields.size(), columns.size()),
                        position,
                        text,
                        splitter.endOffset,
                        records);
            }
            String[] values = new String[fields.size()];
            for (int i = 0; i < values.length; i++) {
                String field = fields.get(i);
                values[i] = pattern.nullValues().contains(field.strip()) ? null : field;
            }
            String key = "file=" + fileName + "/sha=" + fingerprint + "/line=" + splitter.line;
            return new FileRecord(
                    FileRow.delimited(pattern.name(), columns, values, position, key, text),
                    null,
                    position,
                    text,
                    splitter.endOffset,
                    records);
        }
        return null;
    }

    @Override
    public List<String> header() {
        return columns == null || !pattern.header() ? List.of() : columns.names();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
