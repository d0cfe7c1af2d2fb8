package com.monstermart.cdp.ingestion.core;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses the common timestamp shapes without formatters or exceptions: {@code yyyy-MM-dd[T| ]HH:mm[:ss[.fraction]]}
 * followed by nothing (local time in the given zone), {@code Z}, {@code  UTC}, or an offset {@code ±hh:mm}. Returns
 * null for anything else, so the caller tries its formatters.
 */
public final class FastTimestamps {
    private FastTimestamps() {}

    /** The instant, or null when the text has another shape. */
    public static Instant parse(String text, ZoneId zone) {
        int length = text.length();
        if (length < 16 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(13) != ':') {
            return null;
        }
        char separator = text.charAt(10);
        if (separator != 'T' && separator != ' ') {
            return null;
        }
        int year = number(text, 0, 4);
        int month = number(text, 5, 2);
        int day = number(text, 8, 2);
        int hour = number(text, 11, 2);
        int minute = number(text, 14, 2);
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0) {
            return null;
        }
        int at = 16;
        int second = 0;
        int nano = 0;
        if (at < length && text.charAt(at) == ':') {
            second = number(text, at + 1, 2);
            if (second < 0) {
                return null;
            }
            at += 3;
            if (at < length && text.charAt(at) == '.') {
                int start = ++at;
                int fraction = 0;
                while (at < length && at - start < 9 && Character.isDigit(text.charAt(at))) {
                    fraction = fraction * 10 + (text.charAt(at) - '0');
                    at++;
                }
                if (at == start) {
                    return null;
                }
                for (int digits = at - start; digits < 9; digits++) {
                    fraction *= 10;
                }
                nano = fraction;
            }
        }
        ZoneId effective;
        String rest = text.substring(at);
        if (rest.isEmpty()) {
            effective = zone;
        } else if (rest.equals("Z") || rest.equals(" UTC") || rest.equals(" Z") || rest.equals("UTC")) {
            effective = ZoneOffset.UTC;
        } else if ((rest.length() == 6 && (rest.charAt(0) == '+' || rest.charAt(0) == '-') && rest.charAt(3) == ':')) {
            int hours = number(rest, 1, 2);
            int minutes = number(rest, 4, 2);
            if (hours < 0 || minutes < 0) {
                return null;
            }
            int total = (hours * 3600 + minutes * 60) * (rest.charAt(0) == '-' ? -1 : 1);
            try {
                effective = ZoneOffset.ofTotalSeconds(total);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nano);
            return effective instanceof ZoneOffset offset
                    ? local.toInstant(offset)
                    : local.atZone(effective).toInstant();
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int number(String text, int start, int digits) {
        if (start + digits > text.length()) {
            return -1;
        }
        int value = 0;
        for (int i = start; i < start + digits; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
