package com.monstermart.cdp.ingestion.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.JsonValues;
import com.monstermart.cdp.ingestion.core.FilePattern;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/** Newline-delimited JSON: one object per line; malformed lines are rejected with their line number. */
final class NdjsonRecordReader implements RecordReader {
    private static final ObjectMapper MAPPER = EventJson.mapper();

    private final InputStream in;
    private final RecordSplitter splitter;
    private final TextDecoder decoder;
    private final FilePattern pattern;
    private final String fileName;
    private final String fingerprint;
    private long records;

    NdjsonRecordReader(
            InputStream in,
            FilePattern pattern,
            String fileName,
            String fingerprint,
            long offset,
            long records,
            boolean complete)
            throws IOException {
        this.in = in;
        this.pattern = pattern;
        this.fileName = fileName;
        this.fingerprint = fingerprint;
        this.records = records;
        this.decoder = new TextDecoder(pattern.encoding());
        this.splitter = new RecordSplitter(in, offset, records + 1, false, complete);
        if (offset == 0) {
            splitter.skipByteOrderMark();
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
                        "the line is longer than %d bytes".formatted(RecordSplitter.MAX_RECORD),
                        position,
                        "",
                        splitter.endOffset,
                        records);
            }
            String text = decoder.decode(splitter.bytes, splitter.start, splitter.length);
            if (text.isBlank()) {
                continue;
            }
            try {
                JsonNode node = MAPPER.readTree(text);
                if (node == null || !node.isObject()) {
                    return new FileRecord(null, "is not a JSON object", position, text, splitter.endOffset, records);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> values = (Map<String, Object>) JsonValues.fromJson(node, "$");
                String key = "file=" + fileName + "/sha=" + fingerprint + "/line=" + splitter.line;
                return new FileRecord(
                        FileRow.json(pattern.name(), values, position, key, text),
                        null,
                        position,
                        text,
                        splitter.endOffset,
                        records);
            } catch (JsonProcessingException e) {
                return new FileRecord(null, EventJson.malformed(e), position, text, splitter.endOffset, records);
            }
        }
        return null;
    }

    @Override
    public List<String> header() {
        return List.of();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
