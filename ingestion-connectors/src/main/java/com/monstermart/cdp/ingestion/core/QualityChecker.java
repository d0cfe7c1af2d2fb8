package com.monstermart.cdp.ingestion.core;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.ValidationProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Runs a source's data-quality rules ({@link QualityRuleSpec}) on events. Messages name the field and the rule; they
 * quote a value only for numbers and enumerations, never for formats such as email or phone.
 */
public final class QualityChecker {
    /** No rules. */
    public static final QualityChecker NONE = new QualityChecker(List.of());

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ()./-]{6,24}$");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final List<String> FORMATS =
            List.of("email", "phone", "country", "currency", "uuid", "date", "timestamp");

    private final List<Rule> rules;

    private QualityChecker(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    /**
     * Compiles rules.
     *
     * @param path where the rules are in the source definition, for error messages
     * @throws IllegalArgumentException naming the bad rule
     */
    public static QualityChecker compile(List<QualityRuleSpec> specs, String path) {
        List<Rule> rules = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            QualityRuleSpec spec = specs.get(i);
            String at = "%s[%d]".formatted(path, i);
            if (spec.field() == null || spec.field().isBlank()) {
                throw new IllegalArgumentException(at + ".field: is required");
            }
            if (spec.format() != null && !FORMATS.contains(spec.format())) {
                throw new IllegalArgumentException(
                        "%s.format: '%s' is not one of %s".formatted(at, spec.format(), FORMATS));
            }
            if (!List.of("reject", "clear").contains(spec.action())) {
                throw new IllegalArgumentException(
                        "%s.action: '%s' is not reject or clear".formatted(at, spec.action()));
            }
            Pattern pattern;
            try {
                pattern = spec.pattern() == null ? null : Pattern.compile(spec.pattern());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "%s.pattern: '%s' is not a regular expression".formatted(at, spec.pattern()));
            }
            rules.add(new Rule(spec, FieldPath.parse(spec.field(), at + ".field"), pattern));
        }
        return new QualityChecker(rules);
    }

    /** Both checkers' rules. */
    public QualityChecker and(QualityChecker other) {
        List<Rule> combined = new ArrayList<>(rules);
        combined.addAll(other.rules);
        return new QualityChecker(combined);
    }

    public boolean empty() {
        return rules.isEmpty();
    }

    /**
     * The event after the rules: rejections (the event must go to the dead letters) and cleared fields (the event
     * continues without them).
     */
    public Result check(CanonicalEvent event) {
        if (rules.isEmpty()) {
            return new Result(event, List.of(), List.of());
        }
        List<ValidationProblem> rejections = new ArrayList<>();
        List<ValidationProblem> cleared = new ArrayList<>();
        CanonicalEvent current = event;
        for (Rule rule : rules) {
            if (!rule.appliesTo(current)) {
                continue;
            }
            for (FieldPath.Found found : rule.path.find(current)) {
                String problem = rule.problem(found.value());
                if (problem == null) {
                    continue;
                }
                ValidationProblem validationProblem = new ValidationProblem(found.path(), problem);
                if (rule.spec.action().equals("clear") && found.value() != null) {
                    CanonicalEvent without = FieldPath.remove(current, found.segments());
                    if (without != null) {
                        current = without;
                        cleared.add(validationProblem);
                        continue;
                    }
                }
                rejections.add(validationProblem);
            }
        }
        return new Result(current, rejections, cleared);
    }

    /**
     * @param event the event with cleared fields removed
     * @param rejections problems that send the event to the dead letters
     * @param cleared problems whose field was removed
     */
    public record Result(CanonicalEvent event, List<ValidationProblem> rejections, List<ValidationProblem> cleared) {}

    private record Rule(QualityRuleSpec spec, FieldPath path, Pattern pattern) {
        boolean appliesTo(CanonicalEvent event) {
            if (spec.events().isEmpty()) {
                return true;
            }
            return spec.events().contains(event.type().wireName())
                    || (event.type() == EventType.TRACK
                            && event.event().isPresent()
                            && spec.events().contains(event.event().get()));
        }

        /** What is wrong with the value, or null. */
        String problem(Object value) {
            boolean present = value != null && !(value instanceof String text && text.isBlank());
            if (!present) {
                return spec.required() ? "is required" : null;
            }
            String text = value instanceof Map<?, ?> || value instanceof List<?> ? null : Conversions.text(value);
            if (spec.format() != null) {
                if (text == null || !validFormat(spec.format(), text.strip())) {
                    return "is not a valid " + spec.format();
                }
            }
            if (spec.min() != null || spec.max() != null) {
                BigDecimal number;
                try {
                    number = Conversions.decimal(value, ParseSettings.DEFAULT);
                } catch (ValueException e) {
                    return "must be a number";
                }
                if (spec.min() != null && number.compareTo(spec.min()) < 0) {
                    return "must be >= %s (was %s)".formatted(spec.min().toPlainString(), number.toPlainString());
                }
                if (spec.max() != null && number.compareTo(spec.max()) > 0) {
                    return "must be <= %s (was %s)".formatted(spec.max().toPlainString(), number.toPlainString());
                }
            }
            if (!spec.oneOf().isEmpty() && (text == null || !spec.oneOf().contains(text))) {
                return "must be one of %s (was %s)"
                        .formatted(spec.oneOf(), text == null ? "an object" : "'" + Conversions.abbreviate(text) + "'");
            }
            if (pattern != null && (text == null || !pattern.matcher(text).matches())) {
                return "does not match " + pattern.pattern();
            }
            if (spec.maxLength() != null && text != null && text.length() > spec.maxLength()) {
                return "is longer than %d characters".formatted(spec.maxLength());
            }
            return null;
        }

        private static boolean validFormat(String format, String text) {
            return switch (format) {
                case "email" -> EMAIL.matcher(text).matches();
                case "phone" ->
                    PHONE.matcher(text).matches()
                            && text.chars().filter(Character::isDigit).count() >= 6;
                case "country" -> COUNTRIES.contains(text.toUpperCase(Locale.ROOT)) && text.length() == 2;
                case "currency" -> {
                    try {
                        Currency.getInstance(text.toUpperCase(Locale.ROOT));
                        yield text.length() == 3;
                    } catch (IllegalArgumentException e) {
                        yield false;
                    }
                }
                case "uuid" -> {
                    try {
                        yield UUID.fromString(text).toString().equalsIgnoreCase(text);
                    } catch (IllegalArgumentException e) {
                        yield false;
                    }
                }
                case "date" -> {
                    try {
                        LocalDate.parse(text);
                        yield true;
                    } catch (RuntimeException e) {
                        yield false;
                    }
                }
                case "timestamp" -> {
                    try {
                        EventJson.parseInstant(text);
                        yield true;
                    } catch (RuntimeException e) {
                        yield false;
                    }
                }
                default -> false;
            };
        }
    }

    /** A dotted event path with {@code [*]} for every list element. */
    static final class FieldPath {
        private final List<String> segments;
        private final boolean wildcard;
        private final String staticPath;

        private FieldPath(List<String> segments) {
            this.segments = List.copyOf(segments);
            this.wildcard = segments.contains("[*]");
            this.staticPath = "$." + String.join(".", segments);
        }

        static FieldPath parse(String text, String path) {
            String stripped = text.strip();
            if (stripped.startsWith("$.")) {
                stripped = stripped.substring(2);
            }
            List<String> segments = new ArrayList<>();
            for (String part : stripped.split("\\.")) {
                if (part.isEmpty()) {
                    throw new IllegalArgumentException("%s: '%s' has an empty segment".formatted(path, text));
                }
                if (part.endsWith("[*]")) {
                    segments.add(part.substring(0, part.length() - 3));
                    segments.add("[*]");
                } else {
                    segments.add(part);
                }
            }
            return new FieldPath(segments);
        }

        record Found(String path, List<String> segments, Object value) {}

        List<Found> find(CanonicalEvent event) {
            if (!wildcard) {
                Object node = root(event);
                int start = segments.getFirst().equals("context") ? 2 : 1;
                for (int i = start; i < segments.size() && node != null; i++) {
                    node = node instanceof Map<?, ?> map ? map.get(segments.get(i)) : null;
                }
                return List.of(new Found(staticPath, segments, node));
            }
            List<Found> found = new ArrayList<>(1);
            String first = segments.getFirst();
            Object node = root(event);
            int next = first.equals("context") ? 2 : 1;
            List<String> concrete = new ArrayList<>(segments.subList(0, Math.min(next, segments.size())));
            StringBuilder path = new StringBuilder("$");
            for (String segment : concrete) {
                path.append('.').append(segment);
            }
            walk(node, next, path.toString(), concrete, found);
            return found;
        }

        /** The value of the path's first segment (two for context fields). */
        private Object root(CanonicalEvent event) {
            String first = segments.getFirst();
            Object node;
            switch (first) {
                case "type" -> node = event.type().wireName();
                case "messageId" -> node = event.messageId();
                case "timestamp" -> node = event.timestamp().toString();
                case "userId" -> node = event.userId().orElse(null);
                case "anonymousId" -> node = event.anonymousId().orElse(null);
                case "previousId" -> node = event.previousId().orElse(null);
                case "event" -> node = event.event().orElse(null);
                case "name" -> node = event.name().orElse(null);
                case "category" -> node = event.category().orElse(null);
                case "traits" -> node = event.traits();
                case "properties" -> node = event.properties();
                case "context" -> {
                    EventContext context = event.context();
                    String field = segments.size() > 1 ? segments.get(1) : "";
                    node = switch (field) {
                        case "sessionId" -> context.sessionId().orElse(null);
                        case "ip" -> context.ip().orElse(null);
                        case "userAgent" -> context.userAgent().orElse(null);
                        case "locale" -> context.locale().orElse(null);
                        case "gpc" -> context.gpc();
                        case "source" ->
                            Map.of(
                                    "id",
                                    context.source().id(),
                                    "kind",
                                    context.source().kind().wireName());
                        default -> context.extensions().get(field);
                    };
                }
                default -> node = null;
            }
            return node;
        }

        private void walk(Object node, int index, String path, List<String> concrete, List<Found> found) {
            if (index >= segments.size()) {
                found.add(new Found(path, List.copyOf(concrete), node));
                return;
            }
            String segment = segments.get(index);
            if (segment.equals("[*]")) {
                if (node instanceof List<?> list) {
                    for (int i = 0; i < list.size(); i++) {
                        concrete.add("[" + i + "]");
                        walk(list.get(i), index + 1, path + "[" + i + "]", concrete, found);
                        concrete.removeLast();
                    }
                }
                return;
            }
            Object child = node instanceof Map<?, ?> map ? map.get(segment) : null;
            concrete.add(segment);
            walk(child, index + 1, path + "." + segment, concrete, found);
            concrete.removeLast();
        }

        /** The event without the field at a concrete path in traits or properties; null for other fields. */
        static CanonicalEvent remove(CanonicalEvent event, List<String> concrete) {
            if (concrete.size() < 2) {
                return null;
            }
            String top = concrete.getFirst();
            List<String> rest = concrete.subList(1, concrete.size());
            if (top.equals("traits")) {
                return event.toBuilder()
                        .traits(castMap(without(event.traits(), rest)))
                        .buildUnchecked();
            }
            if (top.equals("properties")) {
                return event.toBuilder()
                        .properties(castMap(without(event.properties(), rest)))
                        .buildUnchecked();
            }
            return null;
        }

        @SuppressWarnings("unchecked")
        private static Map<String, Object> castMap(Object value) {
            return (Map<String, Object>) value;
        }

        private static Object without(Object node, List<String> path) {
            String head = path.getFirst();
            if (head.startsWith("[") && node instanceof List<?> list) {
                int index = Integer.parseInt(head.substring(1, head.length() - 1));
                List<Object> copy = new ArrayList<>(list);
                copy.set(index, path.size() == 1 ? null : without(list.get(index), path.subList(1, path.size())));
                return copy;
            }
            if (node instanceof Map<?, ?> map) {
                Map<String, Object> copy = new LinkedHashMap<>();
                map.forEach((key, value) -> copy.put((String) key, value));
                if (path.size() == 1) {
                    copy.remove(head);
                } else if (copy.containsKey(head)) {
                    copy.put(head, without(copy.get(head), path.subList(1, path.size())));
                }
                return copy;
            }
            return node;
        }
    }
}
