package com.monstermart.cdp.ingestion.core;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.Map;

/**
 * Conversions between source values and event values, tolerant of the formats real exports use: decimal commas,
 * thousands separators, currency symbols, {@code 13085.0} ids, several date formats.
 */
public final class Conversions {
    private Conversions() {}

    /** A number; {@link ValueException} names the offending text. */
    public static BigDecimal decimal(Object value, ParseSettings settings) throws ValueException {
        return switch (value) {
            case null -> null;
            case BigDecimal number -> number;
            case Long number -> BigDecimal.valueOf(number);
            case Integer number -> BigDecimal.valueOf(number);
            case Short number -> BigDecimal.valueOf(number);
            case Byte number -> BigDecimal.valueOf(number);
            case BigInteger number -> new BigDecimal(number);
            case Double number -> BigDecimal.valueOf(number);
            case Float number -> new BigDecimal(number.toString());
            case Boolean flag -> flag ? BigDecimal.ONE : BigDecimal.ZERO;
            case String text -> parseDecimal(text, settings);
            default -> throw new ValueException("%s is not a number".formatted(describe(value)));
        };
    }

    private static BigDecimal parseDecimal(String raw, ParseSettings settings) throws ValueException {
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c >= '0' && c <= '9') || c == '.' || c == ',' || c == '-' || c == '+' || c == 'e' || c == 'E') {
                clean.append(c);
            } else if (c == ' ' || c == '\u00a0' || c == '\'' || c == '$' || c == '€' || c == '£' || c == '¥') {
                continue;
            } else {
                throw new ValueException("'%s' is not a number".formatted(abbreviate(raw)));
            }
        }
        String digits = clean.toString();
        int lastDot = digits.lastIndexOf('.');
        int lastComma = digits.lastIndexOf(',');
        String separator = settings.decimalSeparator();
        if (separator.equals("auto")) {
            if (lastDot >= 0 && lastComma >= 0) {
                separator = lastComma > lastDot ? "," : ".";
            } else if (lastComma >= 0) {
                separator = digits.indexOf(',') == lastComma ? "," : ".";
            } else {
                separator = ".";
            }
        }
        String normalized = separator.equals(",") ? digits.replace(".", "").replace(',', '.') : digits.replace(",", "");
        try {
            return new BigDecimal(normalized);
        } catch (NumberFormatException e) {
            throw new ValueException("'%s' is not a number".formatted(abbreviate(raw)));
        }
    }

    /** A whole number. */
    public static Long integer(Object value, ParseSettings settings) throws ValueException {
        BigDecimal number = decimal(value, settings);
        if (number == null) {
            return null;
        }
        try {
            return number.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new ValueException("%s is not a whole number".formatted(describe(value)));
        }
    }

    /** An identifier as text: {@code 42}, {@code "13085.0"} → {@code "13085"}, texts trimmed; blank is null. */
    public static String id(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> {
                String stripped = text.strip();
                if (stripped.isEmpty()) {
                    yield null;
                }
                int dot = stripped.indexOf('.');
                if (dot > 0
                        && stripped.substring(dot + 1).chars().allMatch(c -> c == '0')
                        && stripped.substring(0, dot).chars().allMatch(c -> c == '-' || Character.isDigit(c))) {
                    yield stripped.substring(0, dot);
                }
                yield stripped;
            }
            case BigDecimal number ->
                number.signum() == 0
                        ? "0"
                        : number.stripTrailingZeros().scale() <= 0
                                ? number.stripTrailingZeros().toPlainString()
                                : number.toPlainString();
            case Double number -> id(BigDecimal.valueOf(number));
            case Float number -> id(new BigDecimal(number.toString()));
            default -> text(value);
        };
    }

    /** Plain text of a scalar: numbers without exponent, instants in ISO-8601. */
    public static String text(Object value) {
        return switch (value) {
            case null -> null;
            case String text -> text;
            case BigDecimal number -> number.toPlainString();
            case Instant instant -> instant.toString();
            case OffsetDateTime time -> time.toInstant().toString();
            case ZonedDateTime time -> time.toInstant().toString();
            default -> value.toString();
        };
    }

    /** True or false from booleans, 0/1 and the usual words. */
    public static Boolean bool(Object value) throws ValueException {
        return switch (value) {
            case null -> null;
            case Boolean flag -> flag;
            case Number number -> number.intValue() != 0;
            case String text ->
                switch (text.strip().toLowerCase(Locale.ROOT)) {
                    case "" -> null;
                    case "true", "t", "yes", "y", "1", "on" -> true;
                    case "false", "f", "no", "n", "0", "off" -> false;
                    default -> throw new ValueException("'%s' is not true or false".formatted(abbreviate(text)));
                };
            default -> throw new ValueException("%s is not true or false".formatted(describe(value)));
        };
    }

    /**
     * An instant from an instant, a date-time, epoch milliseconds, or text in ISO-8601 or one of the settings'
     * formats (local times are in the settings' zone).
     */
    public static Instant instant(Object value, ParseSettings settings) throws ValueException {
        return switch (value) {
            case null -> null;
            case Instant instant -> instant;
            case OffsetDateTime time -> time.toInstant();
            case ZonedDateTime time -> time.toInstant();
            case LocalDateTime time -> time.atZone(settings.zone()).toInstant();
            case LocalDate date -> date.atStartOfDay(settings.zone()).toInstant();
            case Long millis -> Instant.ofEpochMilli(millis);
            case Integer millis -> Instant.ofEpochMilli(millis);
            case String text -> parseInstant(text, settings);
            default -> throw new ValueException("%s is not a timestamp".formatted(describe(value)));
        };
    }

    private static Instant parseInstant(String raw, ParseSettings settings) throws ValueException {
        String text = raw.strip();
        if (text.isEmpty()) {
            return null;
        }
        Instant fast = FastTimestamps.parse(text, settings.zone());
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        try {
            return LocalDateTime.parse(text, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
                    .atZone(settings.zone())
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next format
        }
        for (DateTimeFormatter format : settings.timestampFormats()) {
            try {
                return fromParsed(format.parse(text), settings);
            } catch (DateTimeParseException ignored) {
                // try the next format
            }
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE)
                    .atStartOfDay(settings.zone())
                    .toInstant();
        } catch (DateTimeParseException ignored) {
            throw new ValueException("'%s' is not a timestamp in ISO-8601%s"
                    .formatted(
                            abbreviate(raw),
                            settings.timestampFormats().isEmpty() ? "" : " or one of the configured formats"));
        }
    }

    private static Instant fromParsed(TemporalAccessor parsed, ParseSettings settings) {
        if (parsed.query(java.time.temporal.TemporalQueries.zone()) != null
                && parsed.isSupported(ChronoField.HOUR_OF_DAY)) {
            return ZonedDateTime.from(parsed).toInstant();
        }
        if (parsed.isSupported(ChronoField.HOUR_OF_DAY) || parsed.isSupported(ChronoField.CLOCK_HOUR_OF_AMPM)) {
            return LocalDateTime.from(parsed).atZone(settings.zone()).toInstant();
        }
        return LocalDate.from(parsed).atStartOfDay(settings.zone()).toInstant();
    }

    /** A date as ISO text ({@code 2026-11-21}). */
    public static String date(Object value, ParseSettings settings) throws ValueException {
        return switch (value) {
            case null -> null;
            case LocalDate date -> date.toString();
            case Integer days -> LocalDate.ofEpochDay(days).toString();
            default -> {
                Instant instant = instant(value, settings);
                yield instant == null
                        ? null
                        : instant.atZone(settings.zone()).toLocalDate().toString();
            }
        };
    }

    static String describe(Object value) {
        return switch (value) {
            case String text -> "'" + abbreviate(text) + "'";
            case Map<?, ?> map -> "an object";
            case java.util.List<?> list -> "a list";
            default -> "'" + abbreviate(String.valueOf(value)) + "'";
        };
    }

    static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
