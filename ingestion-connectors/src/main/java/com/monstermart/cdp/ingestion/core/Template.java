package com.monstermart.cdp.ingestion.core;

import java.math.BigDecimal;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A text with {@code ${reference|filter|...}} placeholders. A template that is a single placeholder yields the
 * value with its type (a number stays a number); otherwise the parts are joined as text, and the result is null
 * when any placeholder is null ({@code "order-${order_id}"} is null without an order id).
 *
 * <p>Filters: {@code decimal}, {@code int}, {@code id}, {@code string}, {@code bool}, {@code lower},
 * {@code upper}, {@code trim}, {@code timestamp}, {@code timestamp(pattern)}, {@code date}, {@code abs},
 * {@code negate}, {@code default(text)}.
 */
public final class Template {
    private final String text;
    private final List<Object> parts;

    private Template(String text, List<Object> parts) {
        this.text = text;
        this.parts = List.copyOf(parts);
    }

    /**
     * Compiles a template.
     *
     * @throws IllegalArgumentException naming an unclosed placeholder or an unknown filter
     */
    public static Template compile(String text) {
        List<Object> parts = new ArrayList<>();
        int index = 0;
        while (index < text.length()) {
            int start = text.indexOf("${", index);
            if (start < 0) {
                parts.add(text.substring(index));
                break;
            }
            if (start > index) {
                parts.add(text.substring(index, start));
            }
            int end = text.indexOf('}', start);
            if (end < 0) {
                throw new IllegalArgumentException("'%s' has an unclosed ${".formatted(text));
            }
            parts.add(Placeholder.parse(text.substring(start + 2, end)));
            index = end + 1;
        }
        return new Template(text, parts);
    }

    /** The template's source text. */
    public String text() {
        return text;
    }

    /** References the template uses. */
    public List<String> references() {
        return parts.stream()
                .filter(Placeholder.class::isInstance)
                .map(part -> ((Placeholder) part).reference)
                .toList();
    }

    public boolean constant() {
        return parts.stream().noneMatch(Placeholder.class::isInstance);
    }

    public Object evaluate(Scope scope) throws ValueException {
        if (parts.size() == 1 && parts.getFirst() instanceof Placeholder placeholder) {
            return placeholder.evaluate(scope);
        }
        StringBuilder out = new StringBuilder();
        for (Object part : parts) {
            if (part instanceof Placeholder placeholder) {
                Object value = placeholder.evaluate(scope);
                if (value == null) {
                    return null;
                }
                out.append(Conversions.text(value));
            } else {
                out.append((String) part);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return text;
    }

    private record Filter(String name, String argument) {}

    private static final class Placeholder {
        private static final List<String> FILTERS = List.of(
                "decimal",
                "int",
                "id",
                "string",
                "bool",
                "lower",
                "upper",
                "trim",
                "timestamp",
                "date",
                "abs",
                "negate",
                "default");

        private final String reference;
        private final List<Filter> filters;
        private final List<DateTimeFormatter> formats;

        private Placeholder(String reference, List<Filter> filters) {
            this.reference = reference;
            this.filters = filters;
            this.formats = filters.stream()
                    .map(filter -> filter.name.equals("timestamp") && filter.argument != null
                            ? DateTimeFormatter.ofPattern(filter.argument, Locale.ROOT)
                            : null)
                    .toList();
        }

        static Placeholder parse(String body) {
            String[] pieces = body.split("\\|");
            String reference = pieces[0].strip();
            if (reference.isEmpty()) {
                throw new IllegalArgumentException("'${%s}' names no column".formatted(body));
            }
            List<Filter> filters = new ArrayList<>();
            for (int i = 1; i < pieces.length; i++) {
                String piece = pieces[i].strip();
                String name = piece;
                String argument = null;
                int open = piece.indexOf('(');
                if (open >= 0) {
                    if (!piece.endsWith(")")) {
                        throw new IllegalArgumentException(
                                "filter '%s' lacks its closing parenthesis".formatted(piece));
                    }
                    name = piece.substring(0, open).strip();
                    argument = piece.substring(open + 1, piece.length() - 1);
                }
                if (!FILTERS.contains(name)) {
                    throw new IllegalArgumentException(
                            "unknown filter '%s' in ${%s}; use one of %s".formatted(name, body, FILTERS));
                }
                filters.add(new Filter(name, argument));
            }
            try {
                return new Placeholder(reference, filters);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        "bad timestamp pattern in ${%s}: %s".formatted(body, e.getMessage()));
            }
        }

        Object evaluate(Scope scope) throws ValueException {
            Object value = scope.resolve(reference);
            for (int i = 0; i < filters.size(); i++) {
                value = apply(filters.get(i), formats.get(i), value, scope.settings());
            }
            return value;
        }

        private static Object apply(Filter filter, DateTimeFormatter format, Object value, ParseSettings settings)
                throws ValueException {
            if (filter.name.equals("default")) {
                return value == null || (value instanceof String text && text.isBlank()) ? filter.argument : value;
            }
            if (value == null) {
                return null;
            }
            return switch (filter.name) {
                case "decimal" -> Conversions.decimal(value, settings);
                case "int" -> Conversions.integer(value, settings);
                case "id" -> Conversions.id(value);
                case "string" -> Conversions.text(value);
                case "bool" -> Conversions.bool(value);
                case "lower" -> Conversions.text(value).toLowerCase(Locale.ROOT);
                case "upper" -> Conversions.text(value).toUpperCase(Locale.ROOT);
                case "trim" -> blankToNull(Conversions.text(value).strip());
                case "timestamp" ->
                    format == null
                            ? Conversions.instant(value, settings)
                            : Conversions.instant(
                                    value,
                                    new ParseSettings(settings.decimalSeparator(), List.of(format), settings.zone()));
                case "date" -> Conversions.date(value, settings);
                case "abs" -> Conversions.decimal(value, settings).abs();
                case "negate" -> Conversions.decimal(value, settings).negate();
                default -> throw new IllegalStateException("filter " + filter.name);
            };
        }

        private static String blankToNull(String text) {
            return text.isEmpty() ? null : text;
        }
    }

    /** The numeric difference a - b of two values (for quantity changes). */
    static BigDecimal difference(Object a, Object b, ParseSettings settings) throws ValueException {
        BigDecimal left = Conversions.decimal(a, settings);
        BigDecimal right = Conversions.decimal(b, settings);
        if (left == null || right == null) {
            return null;
        }
        return left.subtract(right);
    }
}
