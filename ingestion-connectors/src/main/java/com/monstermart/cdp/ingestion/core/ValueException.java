package com.monstermart.cdp.ingestion.core;

/**
 * A value could not be produced from a row (not a number, unparseable date, ...); the row is rejected. {@link #path()}
 * is where inside the produced value it happened ({@code .address.city}, {@code [2].price}), empty at the top.
 */
public final class ValueException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String path;

    public ValueException(String message) {
        this(message, "");
    }

    private ValueException(String message, String path) {
        super(message, null, false, false);
        this.path = path;
    }

    public String path() {
        return path;
    }

    /** The same problem one level down: {@code within(".address")} or {@code within("[2]")}. */
    public ValueException within(String segment) {
        return new ValueException(getMessage(), segment + path);
    }
}
