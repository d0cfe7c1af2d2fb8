package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** A {@code where} condition of a rule on one reference (a column, {@code before.col} or {@code lookup.col}). */
public final class Condition {
    private final String reference;
    private final List<Test> tests;

    private Condition(String reference, List<Test> tests) {
        this.reference = reference;
        this.tests = List.copyOf(tests);
    }

    /**
     * Compiles {@code reference: spec}; spec is a scalar (equals), a list (one of) or an object with
     * {@code equals}, {@code not}, {@code matches}, {@code not-matches}, {@code present}, {@code greater-than},
     * {@code less-than}, {@code at-least}, {@code at-most}.
     */
    public static Condition compile(String reference, JsonNode spec, String path) {
        List<Test> tests = new ArrayList<>();
        if (spec == null || spec.isNull()) {
            tests.add(new Present(false));
        } else if (spec.isValueNode()) {
            tests.add(new OneOf(Set.of(spec.asText()), false));
        } else if (spec.isArray()) {
            tests.add(new OneOf(texts(spec), false));
        } else {
            for (Iterator<Map.Entry<String, JsonNode>> fields = spec.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                String at = path + "." + field.getKey();
                tests.add(
                        switch (field.getKey()) {
                            case "equals" -> new OneOf(texts(value), false);
                            case "not" -> new OneOf(texts(value), true);
                            case "matches" -> new Matches(pattern(value, at), false);
                            case "not-matches" -> new Matches(pattern(value, at), true);
                            case "present" -> new Present(value.asBoolean());
                            case "greater-than" -> new Compare(ValueSpec.compile(value, at), 1, false);
                            case "less-than" -> new Compare(ValueSpec.compile(value, at), -1, false);
                            case "at-least" -> new Compare(ValueSpec.compile(value, at), 1, true);
                            case "at-most" -> new Compare(ValueSpec.compile(value, at), -1, true);
                            default ->
                                throw new IllegalArgumentException(
                                        "%s: unknown test; use equals, not, matches, not-matches, present, greater-than, less-than, at-least or at-most"
                                                .formatted(at));
                        });
            }
        }
        return new Condition(reference, tests);
    }

    public String reference() {
        return reference;
    }

    public boolean holds(Scope scope) throws ValueException, SkipRowException {
        Object value = scope.resolve(reference);
        for (Test test : tests) {
            if (!test.holds(value, scope)) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> texts(JsonNode node) {
        Set<String> texts = new LinkedHashSet<>();
        if (node.isArray()) {
            node.forEach(element -> texts.add(element.asText()));
        } else {
            texts.add(node.asText());
        }
        return texts;
    }

    private static Pattern pattern(JsonNode node, String path) {
        try {
            return Pattern.compile(node.asText());
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("%s: '%s' is not a regular expression".formatted(path, node.asText()));
        }
    }

    private sealed interface Test {
        boolean holds(Object value, Scope scope) throws ValueException, SkipRowException;
    }

    private record OneOf(Set<String> texts, boolean negated) implements Test {
        @Override
        public boolean holds(Object value, Scope scope) {
            String text = Conversions.text(value);
            return negated != (text != null && texts.contains(text));
        }
    }

    private record Matches(Pattern pattern, boolean negated) implements Test {
        @Override
        public boolean holds(Object value, Scope scope) {
            String text = Conversions.text(value);
            return negated != (text != null && pattern.matcher(text).matches());
        }
    }

    private record Present(boolean wanted) implements Test {
        @Override
        public boolean holds(Object value, Scope scope) {
            boolean present = value != null && !(value instanceof String text && text.isBlank());
            return present == wanted;
        }
    }

    private record Compare(ValueSpec other, int sign, boolean orEqual) implements Test {
        @Override
        public boolean holds(Object value, Scope scope) throws ValueException, SkipRowException {
            BigDecimal left = Conversions.decimal(value, scope.settings());
            BigDecimal right = Conversions.decimal(other.evaluate(scope), scope.settings());
            if (left == null || right == null) {
                return false;
            }
            int comparison = left.compareTo(right);
            return comparison == 0 ? orEqual : Integer.signum(comparison) == sign;
        }
    }
}
