package com.monstermart.cdp.ingestion.core;

import java.util.Locale;
import java.util.Optional;

/** What happened to a source row. File rows are inserts. */
public enum Operation {
    INSERT("c"),
    UPDATE("u"),
    DELETE("d"),
    /** A row read by the initial snapshot of a CDC source. */
    SNAPSHOT("r");

    private final String code;

    Operation(String code) {
        this.code = code;
    }

    /** Debezium's one-letter code ({@code c}, {@code u}, {@code d}, {@code r}). */
    public String code() {
        return code;
    }

    /** The mapping-file name: {@code insert}, {@code update}, {@code delete}, {@code snapshot}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Operation> fromCode(String code) {
        for (Operation operation : values()) {
            if (operation.code.equals(code)) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }

    public static Optional<Operation> fromWireName(String name) {
        for (Operation operation : values()) {
            if (operation.wireName().equalsIgnoreCase(name.strip())) {
                return Optional.of(operation);
            }
        }
        return Optional.empty();
    }
}
