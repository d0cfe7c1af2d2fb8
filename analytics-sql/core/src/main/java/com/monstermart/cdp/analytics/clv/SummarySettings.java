package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How transactions become customer summaries.
 *
 * @param calibrationEnd the last day of the calibration period (inclusive): later transactions are ignored and T runs
 *     to the end of this day's start, as lifetimes' {@code observation_period_end}; empty = the last transaction's day
 * @param unit the period of recency and T (days or weeks; days / 7, not whole weeks)
 */
public record SummarySettings(Optional<LocalDate> calibrationEnd, PeriodUnit unit) {
    public SummarySettings {
        requireNonNull(calibrationEnd, "calibrationEnd is null");
        requireNonNull(unit, "unit is null");
    }

    public static SummarySettings of(PeriodUnit unit) {
        return new SummarySettings(Optional.empty(), unit);
    }

    public SummarySettings withCalibrationEnd(LocalDate end) {
        return new SummarySettings(Optional.of(end), unit);
    }
}
