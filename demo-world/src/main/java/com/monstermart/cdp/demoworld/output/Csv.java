package com.monstermart.cdp.demoworld.output;

/** RFC 4180 CSV lines: a field is quoted when it holds a comma, a quote or a line break. */
public final class Csv {
    private Csv() {}

    public static String line(Object... fields) {
        StringBuilder builder = new StringBuilder(128);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                builder.append(',');
            }
            appendField(builder, fields[i]);
        }
        return builder.toString();
    }

    public static void appendField(StringBuilder builder, Object field) {
        if (field == null) {
            return;
        }
        String text = field.toString();
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            builder.append('"').append(text.replace("\"", "\"\"")).append('"');
        } else {
            builder.append(text);
        }
    }
}
