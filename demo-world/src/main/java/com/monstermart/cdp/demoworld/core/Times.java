package com.monstermart.cdp.demoworld.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Epoch-millisecond helpers; the simulation keeps time as UTC epoch milliseconds. */
public final class Times {
    public static final long SECOND = 1000L;
    public static final long MINUTE = 60 * SECOND;
    public static final long HOUR = 60 * MINUTE;
    public static final long DAY = 24 * HOUR;

    private Times() {}

    /** {@code 2026-10-01T12:34:56.789Z}. */
    public static String iso(long millis) {
        StringBuilder builder = new StringBuilder(24);
        appendDateTime(builder, millis, 'T');
        builder.append('.');
        pad(builder, (int) Math.floorMod(millis, 1000L), 3);
        builder.append('Z');
        return builder.toString();
    }

    /** {@code 2026-10-01 12:34:56.789}, for MariaDB DATETIME(3) holding UTC. */
    public static String sqlDateTime(long millis) {
        StringBuilder builder = new StringBuilder(23);
        appendDateTime(builder, millis, ' ');
        builder.append('.');
        pad(builder, (int) Math.floorMod(millis, 1000L), 3);
        return builder.toString();
    }

    /** {@code 2026-10-01 12:34:56 UTC}, the REES46 style. */
    public static String utcSeconds(long millis) {
        StringBuilder builder = new StringBuilder(23);
        appendDateTime(builder, millis, ' ');
        return builder.append(" UTC").toString();
    }

    /** {@code 10/1/2026 7:45}, the UCI Online Retail II style. */
    public static String retailDate(long millis) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
        return time.getMonthValue() + "/" + time.getDayOfMonth() + "/" + time.getYear() + " " + time.getHour() + ":"
                + (time.getMinute() < 10 ? "0" : "") + time.getMinute();
    }

    public static void appendDateTime(StringBuilder builder, long millis, char separator) {
        LocalDateTime time = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000L), 0, ZoneOffset.UTC);
        builder.append(time.getYear()).append('-');
        pad(builder, time.getMonthValue(), 2);
        builder.append('-');
        pad(builder, time.getDayOfMonth(), 2);
        builder.append(separator);
        pad(builder, time.getHour(), 2);
        builder.append(':');
        pad(builder, time.getMinute(), 2);
        builder.append(':');
        pad(builder, time.getSecond(), 2);
    }

    private static void pad(StringBuilder builder, int value, int width) {
        String text = Integer.toString(value);
        for (int i = text.length(); i < width; i++) {
            builder.append('0');
        }
        builder.append(text);
    }

    public static LocalDate date(long millis) {
        return LocalDate.ofEpochDay(Math.floorDiv(millis, DAY));
    }

    public static int hourOfDay(long millis) {
        return (int) (Math.floorMod(millis, DAY) / HOUR);
    }

    public static long startOfDay(long millis) {
        return Math.floorDiv(millis, DAY) * DAY;
    }

    public static long millis(Instant instant) {
        return instant.toEpochMilli();
    }

    /** Day of the year, 0-based, as a fraction (for seasonality). */
    public static double dayOfYear(long millis) {
        LocalDate date = date(millis);
        return date.getDayOfYear() - 1 + Math.floorMod(millis, DAY) / (double) DAY;
    }
}
