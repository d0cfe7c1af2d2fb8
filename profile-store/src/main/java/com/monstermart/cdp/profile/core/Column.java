package com.monstermart.cdp.profile.core;

import static java.util.Objects.requireNonNull;

/**
 * A column of one of the store's tables.
 *
 * @param name lower-case snake case, as Trino shows it
 * @param type its type
 * @param required whether every row has a value
 * @param doc what it holds; personal data columns say that they hold ciphertext
 */
public record Column(String name, ColumnType type, Requirement required, String doc) {
    /** Whether a column may be null. */
    public enum Requirement {
        REQUIRED,
        OPTIONAL
    }

    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        requireNonNull(required, "required is null");
        requireNonNull(doc, "doc is null");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "Column name '%s' must be lower-case letters, digits and underscores".formatted(name));
        }
    }

    public static Column required(String name, ColumnType type, String doc) {
        return new Column(name, type, Requirement.REQUIRED, doc);
    }

    public static Column optional(String name, ColumnType type, String doc) {
        return new Column(name, type, Requirement.OPTIONAL, doc);
    }

    public boolean isRequired() {
        return required == Requirement.REQUIRED;
    }
}
