package com.monstermart.cdp.ingestion.file;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.JsonValues;
import com.monstermart.cdp.ingestion.core.FilePattern;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

/**
 * A JSON document: an array of objects (streamed, one record per element) or a single object. Read only when the
 * file is complete; a resumed read skips the elements already acknowledged.
 */
final class JsonArrayRecordReader implements RecordReader {
    private static final ObjectMapper MAPPER = EventJson.mapper();

    private final InputStream in;
    private final JsonParser parser;
    private final FilePattern pattern;
    private final String fileName;
    private final String fingerprint;
    private final long skip;
    private long records;
    private boolean array;
    private boolean started;
    private boolean finished;

    JsonArrayRecordReader(InputStream in, FilePattern pattern, String fileName, String fingerprint, long skip)
            throws IOException {
        this.in = in;
        this.parser = MAPPER.getFactory().createParser(in);
        this.pattern = pattern;
        this.fileName = fileName;
        this.fingerprint = fingerprint;
        this.skip = skip;
    }

    @Override
    public FileRecord next() throws IOException {
        if (finished) {
            return null;
        }
        String position = "file=%s element=%d".formatted(fileName, records + 1);
        try {
            if (!started) {
                started = true;
                JsonToken first = parser.nextToken();
                if (first == null) {
                    finished = true;
                    return null;
                }
                array = first == JsonToken.START_ARRAY;
                if (!array && first != JsonToken.START_OBJECT) {
                    finished = true;
                    records++;
                    return new FileRecord(null, "is neither a JSON array nor an object", position, "", 0, records);
                }
                while (array && records < skip) {
                    JsonToken token = parser.nextToken();
                    if (token == JsonToken.END_ARRAY || token == null) {
                        finished = true;
                        return null;
                    }
                    parser.skipChildren();
                    records++;
                }
                position = "file=%s element=%d".formatted(fileName, records + 1);
                if (!array) {
                    finished = true;
                    if (skip > 0) {
                        return null;
                    }
                    return record(MAPPER.readTree(parser), position);
                }
            }
            JsonToken token = parser.nextToken();
            if (token == JsonToken.END_ARRAY || token == null) {
                finished = true;
                return null;
            }
            return record(MAPPER.readTree(parser), position);
        } catch (JsonProcessingException e) {
            finished = true;
            records++;
            return new FileRecord(
                    null, EventJson.malformed(e) + "; the rest of the file is skipped", position, "", 0, records);
        }
    }

    private FileRecord record(JsonNode node, String position) {
        records++;
        String text = node.toString();
        if (!node.isObject()) {
            return new FileRecord(null, "is not a JSON object", position, text, 0, records);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> values = (Map<String, Object>) JsonValues.fromJson(node, "$");
        String key = "file=%s/sha=%s/element=%d".formatted(fileName, fingerprint, records);
        return new FileRecord(
                FileRow.json(pattern.name(), values, position, key, text), null, position, text, 0, records);
    }

    @Override
    public List<String> header() {
        return List.of();
    }

    @Override
    public void close() throws IOException {
        parser.close();
        in.close();
    }
}
