package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;

/**
 * One purchase.
 *
 * @param customerId the customer's (pseudonymous) id
 * @param date the calendar day of the purchase: purchases of one customer on one day count as one transaction, as in
 *     the literature's CDNOW data and lifetimes' daily summaries
 * @param amount what was spent, 0 or more (net of returns, or the profit margin, as the analysis needs)
 */
public record Transaction(String customerId, LocalDate date, double amount) {
    public Transaction {
        requireNonNull(customerId, "customerId is null");
        requireNonNull(date, "date is null");
        if (customerId.isBlank()) {
            throw ClvException.invalid("customer id is empty");
        }
        if (Double.isNaN(amount) || Double.isInfinite(amount)) {
            throw ClvException.invalid("amount must be a finite number, was %s", amount);
        }
        if (amount < 0) {
            throw ClvException.invalid(
                    "amount %s is negative: the spend model needs amounts of 0 or more; net returns out of their"
                            + " purchases or drop refund rows first",
                    amount);
        }
    }
}
