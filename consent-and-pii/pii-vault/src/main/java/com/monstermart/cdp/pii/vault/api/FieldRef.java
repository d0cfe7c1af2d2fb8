package com.monstermart.cdp.pii.vault.api;

/**
 * Where a value lives: the table (or topic, or document type) and the column (or field). Both are bound into every
 * ciphertext, so a value copied to another column does not decrypt there.
 *
 * @param table for example {@code profiles} or {@code cdp.resolved.events}; 1 to 128 UTF-8 bytes
 * @param column for example {@code email}; 1 to 128 UTF-8 bytes
 */
public record FieldRef(String table, String column) {
    /** Longest table or column name in UTF-8 bytes. */
    public static final int MAXIMUM_BYTES = 128;

    public FieldRef {
        Checks.text(table, "table", MAXIMUM_BYTES);
        Checks.text(column, "column", MAXIMUM_BYTES);
    }

    public static FieldRef of(String table, String column) {
        return new FieldRef(table, column);
    }

    @Override
    public String toString() {
        return table + "." + column;
    }
}
