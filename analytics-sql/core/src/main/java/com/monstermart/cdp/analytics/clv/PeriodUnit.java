package com.monstermart.cdp.analytics.clv;

import java.util.Locale;

/** The time unit of recency, T and every horizon: the models' rates are per period. */
public enum PeriodUnit {
    DAYS(1),
    WEEKS(7);

    /** A month as 365.25 / 12 days, the step of the lifetime value's discounting by default. */
    public static final double DAYS_PER_MONTH = 365.25 / 12;

    private final int days;

    PeriodUnit(int days) {
        this.days = days;
    }

    /** Length of one period in days. */
    public int days() {
        return days;
    }

    /** Periods in a month (30.4375 days). */
    public double periodsPerMonth() {
        return DAYS_PER_MONTH / days;
    }

    /** {@code days} or {@code weeks} (also accepts {@code d}, {@code w}, {@code day}, {@code week}). */
    public static PeriodUnit parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "days", "day", "d" -> DAYS;
            case "weeks", "week", "w" -> WEEKS;
            default -> throw ClvException.invalid("period unit must be days or weeks, was '%s'", text);
        };
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
