package com.monstermart.cdp.analytics.clv;

/**
 * The horizons of the per-customer predictions, in model periods.
 *
 * <p>The lifetime value is lifetimes' discounted-cash-flow form: the horizon is cut into {@code lifetimeSteps} steps
 * of {@code stepLength} periods; step k contributes the purchases expected in it, E[Y(k s)] - E[Y((k-1) s)], times the
 * expected spend per purchase and the margin, discounted by (1 + d)^k. With the defaults (12 monthly steps, 1 % a
 * month) it is the value of the next year's expected purchases in today's money.
 *
 * @param predictionHorizon t of the expected purchases column (default one year)
 * @param lifetimeSteps number of discounting steps of the lifetime value (default 12)
 * @param stepLength length of a step in periods (default one month: 30.4375 days)
 * @param discountRatePerStep discount rate per step (default 0.01, about 12.7 % a year)
 * @param margin share of spend that is value (default 1: revenue; use the gross margin for profit)
 */
public record ValueSettings(
        double predictionHorizon, int lifetimeSteps, double stepLength, double discountRatePerStep, double margin) {
    public ValueSettings {
        Checks.positive("predictionHorizon", predictionHorizon);
        if (lifetimeSteps < 1) {
            throw ClvException.invalid("lifetimeSteps must be 1 or more, was %d", lifetimeSteps);
        }
        Checks.positive("stepLength", stepLength);
        if (!(discountRatePerStep > -1) || Double.isInfinite(discountRatePerStep)) {
            throw ClvException.invalid("discount rate must be above -1, was %s", discountRatePerStep);
        }
        Checks.notNegative("margin", margin);
    }

    /** One year of expected purchases; twelve monthly steps discounted at 1 % a month; margin 1. */
    public static ValueSettings defaults(PeriodUnit unit) {
        return new ValueSettings(12 * unit.periodsPerMonth(), 12, unit.periodsPerMonth(), 0.01, 1);
    }

    /** The lifetime value's whole horizon in periods. */
    public double lifetimeHorizon() {
        return lifetimeSteps * stepLength;
    }
}
