package com.monstermart.cdp.ingestion.core;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The references a rule can use for one row: columns, {@code before.<column>}, {@code <lookup>} and
 * {@code <lookup>.<column>}, and {@code @operation}, {@code @table}, {@code @position}, {@code @time}. Lookups run at
 * most once per row.
 */
final class RowScope implements Scope {
    private final SourceRow row;
    private final Map<String, RowMapping.CompiledLookup> lookups;
    private final LookupExecutor executor;
    private final ParseSettings settings;
    private final Map<String, Object> results = new HashMap<>();

    RowScope(
            SourceRow row,
            Map<String, RowMapping.CompiledLookup> lookups,
            LookupExecutor executor,
            ParseSettings settings) {
        this.row = row;
        this.lookups = lookups;
        this.executor = executor;
        this.settings = settings;
    }

    @Override
    public ParseSettings settings() {
        return settings;
    }

    @Override
    public Object resolve(String reference) throws ValueException {
        if (reference.startsWith("@")) {
            return switch (reference) {
                case "@operation" -> row.operation().wireName();
                case "@table" -> row.table();
                case "@position" -> row.position();
                case "@time" -> row.sourceTime().orElse(null);
                default ->
                    throw new ValueException("'%s' is not @operation, @table, @position or @time".formatted(reference));
            };
        }
        int dot = reference.indexOf('.');
        if (dot > 0) {
            String head = reference.substring(0, dot);
            String rest = reference.substring(dot + 1);
            if (head.equals("before")) {
                return row.before(rest);
            }
            if (lookups.containsKey(head)) {
                return member(lookup(head), rest);
            }
        }
        if (lookups.containsKey(reference)) {
            return lookup(reference);
        }
        return row.value(reference);
    }

    private Object lookup(String name) throws ValueException {
        if (results.containsKey(name)) {
            return results.get(name);
        }
        RowMapping.CompiledLookup lookup = lookups.get(name);
        List<Object> parameters = new java.util.ArrayList<>(lookup.parameters().size());
        Object result = null;
        boolean complete = true;
        for (Template parameter : lookup.parameters()) {
            Object value = parameter.evaluate(this);
            if (value == null) {
                complete = false;
                break;
            }
            parameters.add(value);
        }
        if (complete) {
            result = executor.lookup(name, lookup.spec(), parameters);
        }
        results.put(name, result);
        return result;
    }

    private static Object member(Object result, String column) {
        if (result instanceof Map<?, ?> map) {
            if (map.containsKey(column)) {
                return map.get(column);
            }
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (entry.getKey() instanceof String key && key.equalsIgnoreCase(column)) {
                    return entry.getValue();
                }
            }
        }
        return null;
    }
}
