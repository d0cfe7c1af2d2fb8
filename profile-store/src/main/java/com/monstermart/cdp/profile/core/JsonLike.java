package com.monstermart.cdp.profile.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reading typed values out of the JSON-like maps of canonical events (strings, booleans, longs, big decimals,
 * maps, lists). Lenient on purpose: a property of the wrong type reads as absent rather than failing the event.
 */
public final class JsonLike {
    private JsonLike() {}

    public static Optional<String> text(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return switch (value) {
            case null -> Optional.empty();
            case String text -> text.isBlank() ? Optional.empty() : Optional.of(text);
            case Long number -> Optional.of(number.toString());
            case BigInteger number -> Optional.of(number.toString());
            case BigDecimal number -> Optional.of(number.toPlainString());
            default -> Optional.empty();
        };
    }

    /** A money amount rounded half-up to cents; numbers sent as strings are accepted. */
    public static Optional<BigDecimal> amount(Map<String, Object> map, String key) {
        return decimal(map.get(key)).map(JsonLike::toCents);
    }

    public static BigDecimal toCents(BigDecimal value) {
        return value.setScale(ColumnType.DECIMAL_SCALE, RoundingMode.HALF_UP);
    }

    public static Optional<Integer> integer(Map<String, Object> map, String key) {
        return decimal(map.get(key)).flatMap(number -> {
            try {
                return Optional.of(number.setScale(0, RoundingMode.HALF_UP).intValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    public static Optional<Long> longValue(Map<String, Object> map, String key) {
        return decimal(map.get(key)).flatMap(number -> {
            try {
                return Optional.of(number.setScale(0, RoundingMode.HALF_UP).longValueExact());
            } catch (ArithmeticException e) {
                return Optional.empty();
            }
        });
    }

    public static Optional<Boolean> bool(Map<String, Object> map, String key) {
        Object value = map.get(key);
        if (value instanceof Boolean flag) {
            return Optional.of(flag);
        }
        if (value instanceof String text && (text.equalsIgnoreCase("true") || text.equalsIgnoreCase("false"))) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        return Optional.empty();
    }

    public static Optional<Instant> instant(Map<String, Object> map, String key) {
        if (map.get(key) instanceof String text) {
            try {
                return Optional.of(com.monstermart.cdp.event.EventJson.parseInstant(text));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public static Optional<Map<String, Object>> object(Map<String, Object> map, String key) {
        return map.get(key) instanceof Map<?, ?> object ? Optional.of((Map<String, Object>) object) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> objects(Map<String, Object> map, String key) {
        if (!(map.get(key) instanceof List<?> list)) {
            return List.of();
        }
        return list.stream()
                .filter(element -> element instanceof Map<?, ?>)
                .map(element -> (Map<String, Object>) element)
                .toList();
    }

    private static Optional<BigDecimal> decimal(Object value) {
        return switch (value) {
            case null -> Optional.empty();
            case BigDecimal number -> Optional.of(number);
            case Long number -> Optional.of(BigDecimal.valueOf(number));
            case Integer number -> Optional.of(BigDecimal.valueOf(number));
            case BigInteger number -> Optional.of(new BigDecimal(number));
            case Double number when Double.isFinite(number) -> Optional.of(BigDecimal.valueOf(number));
            case String text -> {
                try {
                    yield Optional.of(new BigDecimal(text.strip()));
                } catch (NumberFormatException e) {
                    yield Optional.empty();
                }
            }
            default -> Optional.empty();
        };
    }
}
