package com.monstermart.cdp.analytics.clv;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Per-customer predictions from fitted BG/NBD and Gamma-Gamma parameters. */
public final class CustomerValueCalculator {
    private final BgNbd purchases;
    private final GammaGamma spend;
    private final ValueSettings settings;

    public CustomerValueCalculator(BgNbdParameters purchases, GammaGammaParameters spend, ValueSettings settings) {
        this.purchases = new BgNbd(requireNonNull(purchases, "purchases is null"));
        this.spend = new GammaGamma(requireNonNull(spend, "spend is null"));
        this.settings = requireNonNull(settings, "settings is null");
        if (!(spend.q() > 1)) {
            throw new ClvException(
                    ClvErrorCode.NUMERICAL_FAILURE,
                    "Gamma-Gamma q = %s is not above 1: the population has no finite mean spend, so customers without"
                                    .formatted(spend.q())
                            + " repeat purchases have no expected spend; fit on more repeat customers");
        }
    }

    public CustomerValue value(CustomerSummary customer) {
        int x = customer.frequency();
        double tx = customer.recency();
        double age = customer.age();
        double averageSpend = spend.expectedAverageSpend(x, customer.monetaryValue());
        double discounted = 0; // discounted expected purchases over the lifetime horizon
        double previous = 0;
        for (int step = 1; step <= settings.lifetimeSteps(); step++) {
            double cumulative = purchases.conditionalExpectedPurchases(step * settings.stepLength(), x, tx, age);
            discounted += (cumulative - previous) / Math.pow(1 + settings.discountRatePerStep(), step);
            previous = cumulative;
        }
        return new CustomerValue(
                customer.customerId(),
                x,
                tx,
                age,
                customer.monetaryValue(),
                purchases.conditionalExpectedPurchases(settings.predictionHorizon(), x, tx, age),
                purchases.probabilityAlive(x, tx, age),
                averageSpend,
                settings.margin() * averageSpend * discounted);
    }

    public List<CustomerValue> values(Collection<CustomerSummary> customers) {
        List<CustomerValue> values = new ArrayList<>(customers.size());
        for (CustomerSummary customer : customers) {
            values.add(value(customer));
        }
        return values;
    }
}
