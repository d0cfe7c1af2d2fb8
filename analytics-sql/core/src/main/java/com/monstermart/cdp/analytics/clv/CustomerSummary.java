package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

/**
 * A customer's purchase history as the models see it (the "RFM" summary of the literature), in model periods (days
 * or weeks, see {@link PeriodUnit}).
 *
 * @param customerId the customer's id as given (a pseudonymous id; never personal data)
 * @param frequency repeat purchases: periods with a purchase after the first one ({@code x})
 * @param recency time from the first to the last purchase ({@code t_x}); 0 when {@code frequency} is 0
 * @param age time from the first purchase to the end of the calibration period ({@code T})
 * @param monetaryValue mean spend of the repeat purchases ({@code m_x}, the first purchase excluded); 0 when
 *     {@code frequency} is 0
 */
public record CustomerSummary(String customerId, int frequency, double recency, double age, double monetaryValue) {
    public CustomerSummary {
        requireNonNull(customerId, "customerId is null");
        if (frequency < 0) {
            throw ClvException.invalid("frequency must be 0 or more, was %d", frequency);
        }
        if (!(age >= 0) || Double.isInfinite(age)) {
            throw ClvException.invalid("T (age) must be a finite number of 0 or more, was %s", age);
        }
        if (!(recency >= 0) || recency > age) {
            throw ClvException.invalid("recency must be between 0 and T (%s), was %s", age, recency);
        }
        if (frequency == 0 && recency != 0) {
            throw ClvException.invalid("recency must be 0 for a customer without repeat purchases, was %s", recency);
        }
        if (!(monetaryValue >= 0) || Double.isInfinite(monetaryValue)) {
            throw ClvException.invalid("monetary value must be a finite amount of 0 or more, was %s", monetaryValue);
        }
    }
}
