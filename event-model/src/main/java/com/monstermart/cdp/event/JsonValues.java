package com.monstermart.cdp.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * JSON-like values of {@code traits}, {@code properties} and context extensions, normalised so that an event read
 * back from JSON equals the event written: strings, booleans, {@code null}, {@link Long} (or {@link BigInteger}
 * beyond 64 bits) for integers, {@link BigDecimal} for other numbers, unmodifiable {@link List}s and insertion-ordered
 * unmodifiable {@link Map}s with string keys. Dates and times become ISO-8601 strings, enums their name, UUIDs
 * their text.
 */
public final class JsonValues {
    private JsonValues() {}

    /**
     * A normalised, unmodifiable deep copy of a JSON object.
     *
     * @param path the object's JSON path, for error messages (e.g. {@code $.traits})
     * @throws IllegalArgumentException naming the path of a value that is not JSON-like
     */
    public static Map<String, Object> copyObject(Map<String, ?> object, String path) {
        if (object == null) {
            throw new IllegalArgumentException(path + " is null; use an empty map");
        }
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, object.size() * 2));
        for (Map.Entry<String, ?> entry : object.entrySet()) {
            Object key = entry.getKey();
            if (!(key instanceof String name)) {
                throw new IllegalArgumentException("%s has a key that is not a string (%s)"
                        .formatted(path, key == null ? "null" : key.getClass().getName()));
            }
            copy.put(name, normalize(entry.getValue(), path + "." + name));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** A normalised copy of one value (see the class comment). */
    public static Object normalize(Object value, String path) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case Boolean flag -> flag;
            case Long number -> number;
            case Integer number -> number.longValue();
            case Short number -> number.longValue();
            case Byte number -> number.longValue();
            case BigInteger number -> number.bitLength() < Long.SIZE ? (Object) number.longValue() : number;
            case BigDecimal number -> number;
            case Double number -> finite(number, path);
            case Float number -> finite(Double.parseDouble(number.toString()), path);
            case Character character -> character.toString();
            case Enum<?> constant -> constant.name();
            case UUID uuid -> uuid.toString();
            case Instant instant -> instant.toString();
            case OffsetDateTime time -> time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case ZonedDateTime time -> time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case LocalDateTime time -> time.toString();
            case LocalDate date -> date.toString();
            case LocalTime time -> time.toString();
            case JsonNode node -> fromJson(node, path);
            case Map<?, ?> map -> copyUnchecked(map, path);
            case Collection<?> collection -> copyList(collection.iterator(), collection.size(), path);
            case Object[] array -> copyList(List.of(array).iterator(), array.length, path);
            default ->
                throw new IllegalArgumentException("%s holds a %s; use strings, numbers, booleans, null, lists or maps"
                        .formatted(path, value.getClass().getName()));
        };
    }

    /** A JSON tree as normalised values; objects become maps, arrays lists. */
    public static Object fromJson(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
        }
        if (node.isNumber()) {
            return node.isBigDecimal() ? node.decimalValue() : finite(node.doubleValue(), path);
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            int index = 0;
            for (JsonNode element : node) {
                list.add(fromJson(element, path + "[" + index++ + "]"));
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), fromJson(field.getValue(), path + "." + field.getKey()));
            }
            return Collections.unmodifiableMap(map);
        }
        throw new IllegalArgumentException("%s holds binary or embedded data; use JSON values".formatted(path));
    }

    /** A short text form of a scalar value, e.g. for identifiers; empty for null, maps and lists. */
    public static java.util.Optional<String> text(Object value) {
        return switch (value) {
            case String text -> text.isBlank() ? java.util.Optional.empty() : java.util.Optional.of(text.strip());
            case BigDecimal number -> java.util.Optional.of(number.toPlainString());
            case Number number -> java.util.Optional.of(number.toString());
            case Boolean flag -> java.util.Optional.of(flag.toString());
            case null, default -> java.util.Optional.empty();
        };
    }

    private static Map<String, Object> copyUnchecked(Map<?, ?> map, String path) {
        @SuppressWarnings("unchecked")
        Map<String, ?> typed = (Map<String, ?>) map;
        return copyObject(typed, path);
    }

    private static List<Object> copyList(Iterator<?> elements, int size, String path) {
        List<Object> list = new ArrayList<>(size);
        int index = 0;
        while (elements.hasNext()) {
            list.add(normalize(elements.next(), path + "[" + index++ + "]"));
        }
        return Collections.unmodifiableList(list);
    }

    private static BigDecimal finite(double number, String path) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new IllegalArgumentException("%s is %s; JSON numbers must be finite".formatted(path, number));
        }
        return BigDecimal.valueOf(number);
    }
}
