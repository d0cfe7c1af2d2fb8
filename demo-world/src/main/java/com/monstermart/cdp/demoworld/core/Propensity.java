package com.monstermart.cdp.demoworld.core;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The known propensity functions of a session, in three logistic stages: bounce; add to cart (if not bounced);
 * complete the order (if something is in the cart). A session's purchase propensity is their product. The
 * intercepts are calibrated so that the population rates hit the target parameters; everything else is fixed
 * here and written to the truth files.
 */
public final class Propensity {

    /** The device of a session; APP sessions come from the mobile app. */
    public enum Device {
        DESKTOP,
        MOBILE,
        TABLET,
        APP
    }

    /** Where the visitor came from. */
    public enum TrafficSource {
        DIRECT,
        ORGANIC_SEARCH,
        PAID_SEARCH,
        EMAIL,
        SOCIAL,
        REFERRAL
    }

    /** What a session's features are; the cart value is that of the basket the visitor would buy. */
    public record Features(
            Device device, TrafficSource source, boolean returning, int hour, double cartValue, boolean variantB) {}

    /** Global traffic source mix. */
    public static final double[] SOURCE_WEIGHTS = {0.30, 0.25, 0.15, 0.10, 0.12, 0.08};

    /** Share of sessions starting in each hour of the day (UTC), a typical retail day curve. */
    public static final double[] HOUR_WEIGHTS = {
        0.8, 0.5, 0.3, 0.2, 0.2, 0.3, 0.8, 1.8, 3.0, 3.8, 4.2, 4.5, 5.0, 5.0, 4.6, 4.5, 4.8, 5.4, 6.2, 7.0, 7.4, 6.8,
        5.0, 2.6
    };

    // Effects in log-odds; index by enum ordinal.
    private static final double[] BOUNCE_DEVICE = {0.0, 0.45, 0.2, -0.6};
    private static final double[] BOUNCE_SOURCE = {0.0, 0.15, 0.35, -0.4, 0.7, 0.1};
    private static final double BOUNCE_RETURNING = -0.5;

    private static final double[] CART_DEVICE = {0.0, -0.25, -0.1, 0.35};
    private static final double[] CART_SOURCE = {0.0, -0.1, 0.2, 0.4, -0.3, 0.0};
    private static final double CART_RETURNING = 0.45;
    private static final double CART_LOG_VALUE = -0.15;

    private static final double[] CHECKOUT_DEVICE = {0.0, -0.5, -0.2, 0.4};
    private static final double[] CHECKOUT_SOURCE = {0.0, -0.1, 0.15, 0.5, -0.6, 0.0};
    private static final double CHECKOUT_RETURNING = 0.8;
    private static final double CHECKOUT_LOG_VALUE = -0.35;
    private static final double CHECKOUT_VARIANT_B = 0.15;

    private final double bounceIntercept;
    private final double cartIntercept;
    private final double checkoutIntercept;

    public Propensity(double bounceIntercept, double cartIntercept, double checkoutIntercept) {
        this.bounceIntercept = bounceIntercept;
        this.cartIntercept = cartIntercept;
        this.checkoutIntercept = checkoutIntercept;
    }

    public Propensity withIntercepts(double bounce, double cart, double checkout) {
        return new Propensity(bounce, cart, checkout);
    }

    public double bounceIntercept() {
        return bounceIntercept;
    }

    public double cartIntercept() {
        return cartIntercept;
    }

    public double checkoutIntercept() {
        return checkoutIntercept;
    }

    /** Evening (18-22 h) shoppers complete more; night owls (0-5 h) fewer. */
    static double hourEffect(int hour) {
        if (hour >= 18 && hour <= 22) {
            return 0.3;
        }
        if (hour <= 5) {
            return -0.4;
        }
        return 0.0;
    }

    static double logValue(double cartValue) {
        return StrictMath.log(Math.max(1.0, cartValue) / 50.0);
    }

    public double bounce(Features f) {
        return sigmoid(bounceIntercept
                + BOUNCE_DEVICE[f.device().ordinal()]
                + BOUNCE_SOURCE[f.source().ordinal()]
                + (f.returning() ? BOUNCE_RETURNING : 0)
                - 0.5 * hourEffect(f.hour()));
    }

    public double addToCart(Features f) {
        return sigmoid(cartIntercept
                + CART_DEVICE[f.device().ordinal()]
                + CART_SOURCE[f.source().ordinal()]
                + (f.returning() ? CART_RETURNING : 0)
                + CART_LOG_VALUE * logValue(f.cartValue()));
    }

    public double checkout(Features f) {
        return sigmoid(checkoutIntercept
                + CHECKOUT_DEVICE[f.device().ordinal()]
                + CHECKOUT_SOURCE[f.source().ordinal()]
                + (f.returning() ? CHECKOUT_RETURNING : 0)
                + hourEffect(f.hour())
                + CHECKOUT_LOG_VALUE * logValue(f.cartValue())
                + (f.variantB() ? CHECKOUT_VARIANT_B : 0));
    }

    /** The probability that the session ends in an order. */
    public double purchase(Features f) {
        return (1 - bounce(f)) * addToCart(f) * checkout(f);
    }

    public static double sigmoid(double x) {
        return 1.0 / (1.0 + StrictMath.exp(-x));
    }

    public static double logit(double p) {
        return StrictMath.log(p / (1 - p));
    }

    /** The whole function, for the truth files. */
    public Map<String, Object> describe() {
        Map<String, Object> description = new LinkedHashMap<>();
        description.put(
                "formula",
                "purchase = (1 - sigmoid(bounce)) * sigmoid(cart) * sigmoid(checkout); each stage = intercept + "
                        + "device + source + returning + hour + value * ln(max(1, cartValue) / 50) (+ variantB)");
        description.put("hourEffect", "checkout: +0.3 for 18-22 h, -0.4 for 0-5 h, else 0; bounce: -0.5 x that");
        description.put("bounce", stage(bounceIntercept, BOUNCE_DEVICE, BOUNCE_SOURCE, BOUNCE_RETURNING, 0, 0));
        description.put("cart", stage(cartIntercept, CART_DEVICE, CART_SOURCE, CART_RETURNING, CART_LOG_VALUE, 0));
        description.put(
                "checkout",
                stage(
                        checkoutIntercept,
                        CHECKOUT_DEVICE,
                        CHECKOUT_SOURCE,
                        CHECKOUT_RETURNING,
                        CHECKOUT_LOG_VALUE,
                        CHECKOUT_VARIANT_B));
        return description;
    }

    private static Map<String, Object> stage(
            double intercept, double[] device, double[] source, double returning, double value, double variantB) {
        Map<String, Object> stage = new LinkedHashMap<>();
        stage.put("intercept", intercept);
        Map<String, Double> devices = new LinkedHashMap<>();
        for (Device each : Device.values()) {
            devices.put(each.name().toLowerCase(java.util.Locale.ROOT), device[each.ordinal()]);
        }
        stage.put("device", devices);
        Map<String, Double> sources = new LinkedHashMap<>();
        for (TrafficSource each : TrafficSource.values()) {
            sources.put(each.name().toLowerCase(java.util.Locale.ROOT), source[each.ordinal()]);
        }
        stage.put("source", sources);
        stage.put("returning", returning);
        stage.put("logCartValue", value);
        stage.put("variantB", variantB);
        return stage;
    }
}
