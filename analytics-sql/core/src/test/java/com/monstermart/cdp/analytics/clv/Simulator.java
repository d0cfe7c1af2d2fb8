package com.monstermart.cdp.analytics.clv;

import java.util.ArrayList;
import java.util.List;
import org.hipparchus.random.RandomDataGenerator;

/**
 * Draws customers exactly as BG/NBD and Gamma-Gamma describe them (independently of the fitting code): lambda ~
 * Gamma(r, rate alpha), dropout p ~ Beta(a, b) after each repeat purchase, nu ~ Gamma(q, rate v) and each purchase's
 * spend ~ Gamma(p, rate nu). The first purchase is at time 0; customers are observed for T periods.
 */
final class Simulator {
    private final RandomDataGenerator random;

    Simulator(long seed) {
        this.random = new RandomDataGenerator(seed);
    }

    /** Customers with T drawn uniformly from [minimumAge, maximumAge]. */
    List<CustomerSummary> customers(
            int count, BgNbdParameters purchases, GammaGammaParameters spend, double minimumAge, double maximumAge) {
        List<CustomerSummary> customers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            double age = minimumAge + random.nextDouble() * (maximumAge - minimumAge);
            double lambda = random.nextGamma(purchases.r(), 1 / purchases.alpha());
            double dropout = random.nextBeta(purchases.a(), purchases.b());
            double nu = random.nextGamma(spend.q(), 1 / spend.v());
            double time = 0;
            int repeats = 0;
            double last = 0;
            double total = 0;
            while (true) {
                time += random.nextExponential(1 / lambda);
                if (time > age) {
                    break;
                }
                repeats++;
                last = time;
                total += random.nextGamma(spend.p(), 1 / nu);
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
            customers.add(
                    new CustomerSummary(Integer.toString(i), repeats, last, age, repeats == 0 ? 0 : total / repeats));
        }
        return customers;
    }
}
