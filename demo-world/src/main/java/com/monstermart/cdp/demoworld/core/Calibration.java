package com.monstermart.cdp.demoworld.core;

import com.monstermart.cdp.demoworld.WorldParameters;
import com.monstermart.cdp.demoworld.core.Person.DeviceUse;
import com.monstermart.cdp.demoworld.core.Propensity.Device;
import com.monstermart.cdp.demoworld.core.Propensity.Features;
import com.monstermart.cdp.demoworld.core.Propensity.TrafficSource;

/**
 * Finds the propensity intercepts that make the session-weighted population hit the target bounce, add-to-cart
 * and abandonment rates. Sessions are weighted as the simulation draws them: a person with a low propensity has
 * more sessions per purchase. Pilot persons use streams of their own, so calibration is deterministic.
 */
public final class Calibration {
    private static final int PILOTS = 3000;
    private static final int DRAWS = 16;
    private static final int ITERATIONS = 12;

    private Calibration() {}

    public static Propensity calibrate(WorldParameters parameters, long seed) {
        WorldParameters.SessionRates targets = parameters.sessions();
        Propensity model = new Propensity(
                Propensity.logit(clamp(targets.bounceRate())),
                Propensity.logit(clamp(targets.addToCartRate())),
                Propensity.logit(clamp(1 - targets.cartAbandonmentRate())));
        Person[] pilots = new Person[PILOTS];
        for (int i = 0; i < PILOTS; i++) {
            Rng rng = Rng.derive(seed, 4, i);
            Person person = new Person();
            Person.drawTraits(person, rng, parameters, rng.chance(0.8));
            Person.drawDevices(person, rng, parameters, "203.0.113.1");
            pilots[i] = person;
        }
        for (int iteration = 0; iteration < ITERATIONS; iteration++) {
            double sessions = 0;
            double bounced = 0;
            double notBounced = 0;
            double carted = 0;
            double ordered = 0;
            for (int i = 0; i < PILOTS; i++) {
                Person person = pilots[i];
                Rng propensityRng = Rng.derive(seed, 5, i);
                person.meanPropensityNew =
                        Person.meanPropensity(person, model, parameters, propensityRng, false, DRAWS);
                person.meanPropensityReturning =
                        Person.meanPropensity(person, model, parameters, propensityRng, true, DRAWS);
                Rng sessionRng = Rng.derive(seed, 6, i);
                for (int state = 0; state < 2; state++) {
                    boolean returning = state == 1;
                    double share = person.existing ? (returning ? 1 : 0) : 0.5;
                    if (share == 0) {
                        continue;
                    }
                    double weight = share * person.onlineShare * person.occasionRate(returning) / DRAWS;
                    for (int d = 0; d < DRAWS; d++) {
                        Features features = features(person, sessionRng, parameters, returning);
                        double b = model.bounce(features);
                        double c = model.addToCart(features);
                        double o = model.checkout(features);
                        sessions += weight;
                        bounced += weight * b;
                        notBounced += weight * (1 - b);
                        carted += weight * (1 - b) * c;
                        ordered += weight * (1 - b) * c * o;
                    }
                }
            }
            double bounceRate = bounced / sessions;
            double cartRate = carted / notBounced;
            double completion = ordered / carted;
            model = model.withIntercepts(
                    model.bounceIntercept()
                            + Propensity.logit(clamp(targets.bounceRate()))
                            - Propensity.logit(clamp(bounceRate)),
                    model.cartIntercept()
                            + Propensity.logit(clamp(targets.addToCartRate()))
                            - Propensity.logit(clamp(cartRate)),
                    model.checkoutIntercept()
                            + Propensity.logit(clamp(1 - targets.cartAbandonmentRate()))
                            - Propensity.logit(clamp(completion)));
        }
        return model;
    }

    /**
     * Corrects the intercepts with pilot runs of the real simulation (which builds real baskets and keeps the
     * session timing rules); {@code pilot} runs a pilot world with a model and returns its expected rates
     * {bounce, add to cart, order completion}.
     */
    public static Propensity refine(
            Propensity model, WorldParameters parameters, java.util.function.Function<Propensity, double[]> pilot) {
        WorldParameters.SessionRates targets = parameters.sessions();
        Propensity current = model;
        for (int iteration = 0; iteration < 3; iteration++) {
            double[] rates = pilot.apply(current);
            current = current.withIntercepts(
                    current.bounceIntercept()
                            + Propensity.logit(clamp(targets.bounceRate()))
                            - Propensity.logit(clamp(rates[0])),
                    current.cartIntercept()
                            + Propensity.logit(clamp(targets.addToCartRate()))
                            - Propensity.logit(clamp(rates[1])),
                    current.checkoutIntercept()
                            + Propensity.logit(clamp(1 - targets.cartAbandonmentRate()))
                            - Propensity.logit(clamp(rates[2])));
        }
        return current;
    }

    static Features features(Person person, Rng rng, WorldParameters parameters, boolean returning) {
        DeviceUse device = person.devices.get(rng.nextInt(person.devices.size()));
        TrafficSource source = device.type() == Device.APP && rng.chance(0.5)
                ? TrafficSource.DIRECT
                : TrafficSource.values()[rng.weighted(Propensity.SOURCE_WEIGHTS)];
        int hour = rng.weighted(Propensity.HOUR_WEIGHTS);
        double value = rng.gamma(parameters.gammaGamma().p(), person.nu);
        return new Features(device.type(), source, returning, hour, value, person.variantB);
    }

    private static double clamp(double p) {
        return Math.min(0.999, Math.max(0.001, p));
    }
}
