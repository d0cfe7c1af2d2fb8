package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.event.JsonValues;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A compiled value spec of a mapping (see {@link EventRuleSpec}): template, constant, object, list,
 * {@code first-of}, {@code from}/{@code map} or {@code difference}.
 */
public sealed interface ValueSpec {
    /** The value; null when absent. Objects drop null members and are null when empty. */
    Object evaluate(Scope scope) throws ValueException, SkipRowException;

    /**
     * Compiles a JSON/YAML node.
     *
     * @param path where the node is in the source definition, for error messages
     * @throws IllegalArgumentException naming the path
     */
    static ValueSpec compile(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return new Constant(null);
        }
        if (node.isTextual()) {
            try {
                Template template = Template.compile(node.textValue());
                return template.constant() ? new Constant(node.textValue()) : new TemplateValue(template);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(path + ": " + e.getMessage());
            }
        }
        if (node.isNumber() || node.isBoolean()) {
            return new Constant(JsonValues.fromJson(node, path));
        }
        if (node.isArray()) {
            List<ValueSpec> elements = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                elements.add(compile(node.get(i), path + "[" + i + "]"));
            }
            return new ListValue(elements);
        }
        Set<String> keys = new java.util.LinkedHashSet<>();
        node.fieldNames().forEachRemaining(keys::add);
        if (keys.equals(Set.of("first-of"))) {
            JsonNode options = node.get("first-of");
            if (!options.isArray() || options.isEmpty()) {
                throw new IllegalArgumentException(path + ".first-of: must be a non-empty list");
            }
            List<ValueSpec> choices = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                choices.add(compile(options.get(i), path + ".first-of[" + i + "]"));
            }
            return new FirstOf(choices);
        }
        if (keys.equals(Set.of("difference"))) {
            JsonNode operands = node.get("difference");
            if (!operands.isArray() || operands.size() != 2) {
                throw new IllegalArgumentException(path + ".difference: must be a list of two values");
            }
            return new Difference(
                    compile(operands.get(0), path + ".difference[0]"),
                    compile(operands.get(1), path + ".difference[1]"));
        }
        if (keys.equals(Set.of("if-absent", "then"))) {
            return new IfAbsent(
                    compile(node.get("if-absent"), path + ".if-absent"), compile(node.get("then"), path + ".then"));
        }
        if (keys.equals(Set.of("literal"))) {
            return new Constant(JsonValues.fromJson(node.get("literal"), path));
        }
        if (keys.contains("from") && keys.contains("map")) {
            for (String key : keys) {
                if (!Set.of("from", "map", "unmapped", "default").contains(key)) {
                    throw new IllegalArgumentException(
                            "%s: unknown key '%s' next to from/map (use unmapped or default)".formatted(path, key));
                }
            }
            return Mapped.compile(node, path);
        }
        Map<String, ValueSpec> members = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            members.put(field.getKey(), compile(field.getValue(), path + "." + field.getKey()));
        }
        return new ObjectValue(members);
    }

    record Constant(Object value) implements ValueSpec {
        @Override
        public Object evaluate(Scope scope) {
            return value;
        }
    }

    record TemplateValue(Template template) implements ValueSpec {
        @Override
        public Object evaluate(Scope scope) throws ValueException {
            return template.evaluate(scope);
        }
    }

    record ListValue(List<ValueSpec> elements) implements ValueSpec {
        @Override
        public Object evaluate(Scope scope) throws ValueException, SkipRowException {
            List<Object> values = new ArrayList<>(elements.size());
            for (int i = 0; i < elements.size(); i++) {
                Object value;
                try {
                    value = elements.get(i).evaluate(scope);
                } catch (ValueException e) {
                    throw e.within("[" + i + "]");
                }
                if (value != null) {
                    values.add(value);
                }
            }
            return Collections.unmodifiableList(values);
        }
    }

    record ObjectValue(Map<String, ValueSpec> members) implements ValueSpec {
        @Override
        public Object evaluate(Scope scope) throws ValueException, SkipRowException {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, ValueSpec> member : members.entrySet()) {
                Object value;
                try {
                    value = member.getValue().evaluate(scope);
                } catch (ValueException e) {
                    throw e.within("." + member.getKey());
                }
                if (value != null) {
                    values.put(member.getKey(), value);
                }
            }
            return values.isEmpty() ? null : values;
        }
    }

    record FirstOf(List<ValueSpec> choices) implements ValueSpec {
        @Override
        public Object evaluate(Scope scope) throws ValueException, SkipRowException {
            for (ValueSpec choice : choices) {
                Object value = choice.evaluate(scope);
                if (value != null && !(value instanceof String text && text.isBlank())) {
                    return value;
                }
            }
            return null;
        }
    }

    record Difference(ValueSpec left, ValueSpec right) implements ValueSpec {
        @Override
        public Object evaluate(Scope scope) throws ValueException, SkipRowException {
            BigDecimal difference = Template.difference(left.evaluate(scope), right.evaluate(scope), scope.settings());
            if (difference == null) {
                return null;
            }
            return difference.stripTrailingZeros().scale() <= 0 ? (Object) difference.longValue() : difference;
        }
    }

    /** {@code {if-absent: a, then: b}}: b when a is empty, else nothing (an anonymous id only for guests). */
    record IfAbsent(ValueSpec test, ValueSpec then) implements ValueSpec {
        @Override
        public Object evaluate(Scope scope) throws ValueException, SkipRowException {
            Object value = test.evaluate(scope);
            boolean absent = value == null || (value instanceof String text && text.isBlank());
            return absent ? then.evaluate(scope) : null;
        }
    }

    /** {@code {from, map, unmapped, default}}: a value translated through a table. */
    record Mapped(ValueSpec from, Map<String, ValueSpec> map, String unmapped, ValueSpec fallback, String path)
            implements ValueSpec {
        static Mapped compile(JsonNode node, String path) {
            ValueSpec from = ValueSpec.compile(node.get("from"), path + ".from");
            JsonNode table = node.get("map");
            if (!table.isObject()) {
                throw new IllegalArgumentException(path + ".map: must be an object of value: result");
            }
            Map<String, ValueSpec> map = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = table.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), ValueSpec.compile(field.getValue(), path + ".map." + field.getKey()));
            }
            String unmapped = node.hasNonNull("unmapped") ? node.get("unmapped").asText() : "null";
            if (!List.of("null", "skip", "reject", "keep").contains(unmapped)) {
                throw new IllegalArgumentException(
                        "%s.unmapped: '%s' is not null, skip, reject or keep".formatted(path, unmapped));
            }
            ValueSpec fallback = node.has("default") ? ValueSpec.compile(node.get("default"), path + ".default") : null;
            return new Mapped(from, map, unmapped, fallback, path);
        }

        @Override
        public Object evaluate(Scope scope) throws ValueException, SkipRowException {
            Object value = from.evaluate(scope);
            String key = Conversions.text(value);
            ValueSpec result = key == null ? null : map.get(key);
            if (result != null) {
                return result.evaluate(scope);
            }
            if (fallback != null) {
                return fallback.evaluate(scope);
            }
            return switch (unmapped) {
                case "skip" ->
                    throw new SkipRowException("value %s is not mapped".formatted(Conversions.describe(value)));
                case "reject" ->
                    throw new ValueException("%s is not one of %s"
                            .formatted(value == null ? "no value" : Conversions.describe(value), map.keySet()));
                case "keep" -> value;
                default -> null;
            };
        }
    }
}
