package com.monstermart.cdp.demoworld.output;

import com.monstermart.cdp.demoworld.core.Times;
import com.monstermart.cdp.demoworld.output.TableSpec.Database;
import com.monstermart.cdp.demoworld.output.TableSpec.Type;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Writes row values as PostgreSQL COPY / MariaDB LOAD DATA text, and binds them to statements. */
public final class RowFormat {
    private RowFormat() {}

    /** One row as a tab-separated line in the COPY text format ({@code \N} for null), with the newline. */
    public static void appendLine(StringBuilder builder, TableSpec table, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                builder.append('\t');
            }
            appendValue(builder, table.database(), table.columns().get(i).type(), values[i]);
        }
        builder.append('\n');
    }

    static void appendValue(StringBuilder builder, Database database, Type type, Object value) {
        if (value == null) {
            builder.append("\\N");
            return;
        }
        switch (type) {
            case BIGINT, INTEGER -> builder.append((long) (Long) value);
            case BOOLEAN -> {
                boolean flag = (Boolean) value;
                builder.append(database == Database.SHOP ? (flag ? "t" : "f") : (flag ? "1" : "0"));
            }
            case TIMESTAMP -> {
                long millis = (Long) value;
                builder.append(database == Database.SHOP ? Times.iso(millis) : Times.sqlDateTime(millis));
            }
            case MONEY -> appendMoney(builder, (Long) value);
            case DATE -> builder.append((String) value);
            case TEXT -> escape(builder, (String) value);
        }
    }

    public static void appendMoney(StringBuilder builder, long pence) {
        if (pence < 0) {
            builder.append('-');
        }
        long absolute = Math.abs(pence);
        builder.append(absolute / 100).append('.');
        long cents = absolute % 100;
        if (cents < 10) {
            builder.append('0');
        }
        builder.append(cents);
    }

    public static String money(long pence) {
        StringBuilder builder = new StringBuilder();
        appendMoney(builder, pence);
        return builder.toString();
    }

    private static void escape(StringBuilder builder, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> builder.append("\\\\");
                case '\t' -> builder.append("\\t");
                case '\n' -> builder.append("\\n");
                case '\r' -> builder.append("\\r");
                default -> builder.append(c);
            }
        }
    }

    /** Binds a value to a statement parameter, as the database's driver wants it. */
    public static void bind(PreparedStatement statement, int parameter, Database database, Type type, Object value)
            throws SQLException {
        if (value == null) {
            statement.setObject(parameter, null);
            return;
        }
        switch (type) {
            case BIGINT -> statement.setLong(parameter, (Long) value);
            case INTEGER -> statement.setInt(parameter, Math.toIntExact((Long) value));
            case BOOLEAN -> statement.setBoolean(parameter, (Boolean) value);
            case TEXT -> statement.setString(parameter, (String) value);
            case DATE -> statement.setObject(parameter, LocalDate.parse((String) value));
            case MONEY -> statement.setBigDecimal(parameter, BigDecimal.valueOf((Long) value, 2));
            case TIMESTAMP -> {
                Instant instant = Instant.ofEpochMilli((Long) value);
                if (database == Database.SHOP) {
                    statement.setObject(parameter, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
                } else {
                    statement.setObject(parameter, LocalDateTime.ofInstant(instant, ZoneOffset.UTC));
                }
            }
        }
    }
}
