package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

/**
 * One customer's predictions: the row the analytics runner writes to the customer lifetime value mart.
 *
 * @param customerId the customer's id as in the input
 * @param frequency repeat purchases in the calibration period (x)
 * @param recency time from the first to the last purchase, in periods (t_x)
 * @param age time from the first purchase to the calibration end, in periods (T)
 * @param monetaryValue mean spend of the repeat purchases (0 without repeat purchases)
 * @param expectedPurchases purchases expected in the next {@link ValueSettings#predictionHorizon()} periods
 * @param probabilityAlive probability that the customer is still active (has not dropped out)
 * @param expectedAverageSpend expected spend per future purchase (Gamma-Gamma: own mean shrunk toward the population's)
 * @param lifetimeValue discounted value of the purchases expected over the lifetime horizon (see {@link ValueSettings})
 */
public record CustomerValue(
        String customerId,
        int frequency,
        double recency,
        double age,
        double monetaryValue,
        double expectedPurchases,
        double probabilityAlive,
        double expectedAverageSpend,
        double lifetimeValue) {
    public CustomerValue {
        requireNonNull(customerId, "customerId is null");
    }
}
