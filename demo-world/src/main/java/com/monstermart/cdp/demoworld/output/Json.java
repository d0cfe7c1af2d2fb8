package com.monstermart.cdp.demoworld.output;

/** A small, allocation-light JSON writer with a fixed key order (output must be byte-identical per seed). */
public final class Json {
    private final StringBuilder builder;
    private boolean needsComma;

    public Json(int capacity) {
        this.builder = new StringBuilder(capacity);
    }

    public Json begin() {
        comma();
        builder.append('{');
        needsComma = false;
        return this;
    }

    public Json begin(String key) {
        key(key);
        builder.append('{');
        needsComma = false;
        return this;
    }

    public Json end() {
        builder.append('}');
        needsComma = true;
        return this;
    }

    public Json beginArray(String key) {
        key(key);
        builder.append('[');
        needsComma = false;
        return this;
    }

    public Json endArray() {
        builder.append(']');
        needsComma = true;
        return this;
    }

    public Json field(String key, String value) {
        if (value == null) {
            return this;
        }
        key(key);
        string(value);
        needsComma = true;
        return this;
    }

    public Json field(String key, long value) {
        key(key);
        builder.append(value);
        needsComma = true;
        return this;
    }

    public Json field(String key, boolean value) {
        key(key);
        builder.append(value);
        needsComma = true;
        return this;
    }

    /** A number with two decimals from hundredths. */
    public Json money(String key, long pence) {
        key(key);
        RowFormat.appendMoney(builder, pence);
        needsComma = true;
        return this;
    }

    public Json number(String key, double value) {
        key(key);
        builder.append(value);
        needsComma = true;
        return this;
    }

    private void key(String key) {
        comma();
        string(key);
        builder.append(':');
    }

    private void comma() {
        if (needsComma) {
            builder.append(',');
        }
    }

    private void string(String value) {
        boolean clean = true;
        for (int i = 0; i < value.length() && clean; i++) {
            char c = value.charAt(i);
            clean = c >= 0x20 && c != '"' && c != '\\';
        }
        if (clean) {
            builder.append('"').append(value).append('"');
            return;
        }
        builder.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> builder.append("\\\"");
                case '\\' -> builder.append("\\\\");
                case '\n' -> builder.append("\\n");
                case '\r' -> builder.append("\\r");
                case '\t' -> builder.append("\\t");
                default -> {
                    if (c < 0x20) {
                        builder.append(String.format("\\u%04x", (int) c));
                    } else {
                        builder.append(c);
                    }
                }
            }
        }
        builder.append('"');
    }

    @Override
    public String toString() {
        return builder.toString();
    }
}
