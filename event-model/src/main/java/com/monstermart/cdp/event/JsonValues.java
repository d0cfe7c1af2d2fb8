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
        try {
            return copyMap(object);
        } catch (BadValue e) {
            throw e.at(path);
        }
    }

    /** A normalised copy of one value (see the class comment). */
    public static Object normalize(Object value, String path) {
        try {
            return normalize(value);
        } catch (BadValue e) {
            throw e.at(path);
        }
    }

    /** The happy path builds no path strings; a bad value's path is assembled while the exception unwinds. */
    private static Object normalize(Object value) {
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
            case Double number -> finite(number);
            case Float number -> finite(Double.parseDouble(number.toString()));
            case Character character -> character.toString();
            case Enum<?> constant -> constant.name();
            case UUID uuid -> uuid.toString();
            case Instant instant -> instant.toString();
            case OffsetDateTime time -> time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case ZonedDateTime time -> time.toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
            case LocalDateTime time -> time.toString();
            case LocalDate date -> date.toString();
            case LocalTime time -> time.toString();
            case JsonNode node -> fromJson(node);
            case Map<?, ?> map -> copyMap(map);
            case Collection<?> collection -> copyList(collection.iterator(), collection.size());
            case Object[] array -> copyList(List.of(array).iterator(), array.length);
            default ->
                throw new BadValue(" holds a %s; use strings, numbers, booleans, null, lists or maps"
                        .formatted(value.getClass().getName()));
        };
    }

    private static Map<String, Object> copyMap(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>(Math.max(4, map.size() * 2));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String name)) {
                Object key = entry.getKey();
                throw new BadValue(" has a key that is not a string (%s)"
                        .formatted(key == null ? "null" : key.getClass().getName()));
            }
            try {
                copy.put(name, normalize(entry.getValue()));
            } catch (BadValue e) {
                throw e.under("." + name);
            }
        }
        return Collections.unmodifiableMap(copy);
    }

    private static List<Object> copyList(Iterator<?> elements, int size) {
        List<Object> list = new ArrayList<>(size);
        int index = 0;
        while (elements.hasNext()) {
            try {
                list.add(normalize(elements.next()));
            } catch (BadValue e) {
                throw e.under("[" + index + "]");
            }
            index++;
        }
        return Collections.unmodifiableList(list);
    }

    private static BigDecimal finite(double number) {
        if (Double.isNaN(number) || Double.isInfinite(number)) {
            throw new BadValue(" is %s; JSON numbers must be finite".formatted(number));
        }
        return BigDecimal.valueOf(number);
    }

    /** A bad value somewhere below; {@link #at} turns it into the public exception with the full path. */
    private static final class BadValue extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String relativePath;
        private final String problem;

        BadValue(String problem) {
            this("", problem);
        }

        private BadValue(String relativePath, String problem) {
            super(problem, null, false, false);
            this.relativePath = relativePath;
            this.problem = problem;
        }

        BadValue under(String segment) {
            return new BadValue(segment + relativePath, problem);
        }

        IllegalArgumentException at(String path) {
            return new IllegalArgumentException(path + relativePath + problem);
        }
    }

    /** A JSON tree as normalised values; objects become maps, arrays lists. */
    public static Object fromJson(JsonNode node, String path) {
        try {
            return fromJson(node);
        } catch (BadValue e) {
            throw e.at(path);
        }
    }

    private static Object fromJson(JsonNode node) {
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
            return node.isBigDecimal() ? node.decimalValue() : finite(node.doubleValue());
        }
        if (node.isArray()) {
            List<Object> list = new ArrayList<>(node.size());
            int index = 0;
            for (JsonNode element : node) {
                try {
                    list.add(fromJson(element));
                } catch (BadValue e) {
                    throw e.under("[" + index + "]");
                }
                index++;
            }
            return Collections.unmodifiableList(list);
        }
        if (node.isObject()) {
            Map<String, Object> map = new LinkedHashMap<>(Math.max(4, node.size() * 2));
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                try {
                    map.put(field.getKey(), fromJson(field.getValue()));
                } catch (BadValue e) {
                    throw e.under("." + field.getKey());
                }
            }
            return Collections.unmodifiableMap(map);
        }
        throw new BadValue(" holds binary or embedded data; use JSON values");
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
}
