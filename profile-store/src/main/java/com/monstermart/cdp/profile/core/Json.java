package com.monstermart.cdp.profile.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.monstermart.cdp.event.EventJson;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/** Compact JSON text of JSON-like values, as the tables' JSON columns hold it. */
public final class Json {
    private static final JsonFactory FACTORY = EventJson.mapper().getFactory();

    private Json() {}

    /** The value as JSON; {@code {}} for an empty map. */
    public static String write(Object value) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            EventJson.writeValue(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** A map as JSON, or null when it is empty. */
    public static String writeOrNull(Map<String, Object> map) {
        return map.isEmpty() ? null : write(map);
    }
}
