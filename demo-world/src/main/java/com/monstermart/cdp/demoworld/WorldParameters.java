package com.monstermart.cdp.demoworld;

import static java.util.Objects.requireNonNull;

/**
 * The generating parameters of the world: what the truth files say the data was drawn from.
 *
 * @param bgNbd purchase frequency and dropout (time unit: days)
 * @param gammaGamma spend per transaction
 * @param sessions target rates of the web and app sessions
 * @param identity how people show up in the sources
 * @param operations payments, returns, customer service
 */
public record WorldParameters(
        BgNbd bgNbd, GammaGamma gammaGamma, SessionRates sessions, Identity identity, Operations operations) {

    public WorldParameters {
        requireNonNull(bgNbd, "bgNbd is null");
        requireNonNull(gammaGamma, "gammaGamma is null");
        requireNonNull(sessions, "sessions is null");
        requireNonNull(identity, "identity is null");
        requireNonNull(operations, "operations is null");
    }

    public static WorldParameters defaults() {
        return new WorldParameters(
                new BgNbd(0.6, 50.0, 0.8, 2.5),
                new GammaGamma(6.25, 3.74, 40.0),
                new SessionRates(0.38, 0.30, 0.70, 30, 0.15),
                new Identity(
                        0.5, 0.75, 0.30, 0.40, 0.07, 0.55, 0.70, 0.03, 0.40, 0.10, 0.08, 0.04, 0.10, 0.12, 0.01, 0.5),
                new Operations(0.06, 0.08, 7, 0.30, 0.25, 0.004));
    }

    public WorldParameters withSessions(SessionRates sessions) {
        return new WorldParameters(bgNbd, gammaGamma, sessions, identity, operations);
    }

    /**
     * BG/NBD (Fader, Hardie and Lee 2005): while alive a customer buys at Poisson rate lambda ~ Gamma(r, alpha);
     * after each repeat purchase they drop out with probability p ~ Beta(a, b). Rates are per day.
     */
    public record BgNbd(double r, double alpha, double a, double b) {
        public BgNbd {
            positive("bgNbd.r", r);
            positive("bgNbd.alpha", alpha);
            positive("bgNbd.a", a);
            positive("bgNbd.b", b);
        }
    }

    /** Gamma-Gamma: spend per transaction ~ Gamma(p, nu), nu ~ Gamma(q, gamma) per customer (rates). */
    public record GammaGamma(double p, double q, double gamma) {
        public GammaGamma {
            positive("gammaGamma.p", p);
            positive("gammaGamma.q", q);
            positive("gammaGamma.gamma", gamma);
            if (q <= 1) {
                throw new DemoWorldException(
                        DemoWorldErrorCode.INVALID_SETTINGS,
                        "gammaGamma.q must be above 1 for a finite mean spend, was " + q);
            }
        }

        public double meanSpend() {
            return p * gamma / (q - 1);
        }
    }

    /**
     * Target session rates; the propensity functions' intercepts are calibrated to hit them.
     *
     * @param bounceRate share of sessions with one page and nothing else
     * @param addToCartRate share of non-bounced sessions that add a product to the cart
     * @param cartAbandonmentRate share of sessions with a cart that do not complete the order
     * @param sessionTimeoutMinutes inactivity that ends a session
     * @param appShare share of online shoppers who use the app (their sessions go to the REES46 export)
     */
    public record SessionRates(
            double bounceRate,
            double addToCartRate,
            double cartAbandonmentRate,
            int sessionTimeoutMinutes,
            double appShare) {
        public SessionRates {
            probability("sessions.bounceRate", bounceRate);
            probability("sessions.addToCartRate", addToCartRate);
            probability("sessions.cartAbandonmentRate", cartAbandonmentRate);
            probability("sessions.appShare", appShare);
            if (sessionTimeoutMinutes < 1) {
                throw new DemoWorldException(
                        DemoWorldErrorCode.INVALID_SETTINGS,
                        "sessions.sessionTimeoutMinutes must be at least 1, was " + sessionTimeoutMinutes);
            }
        }

        public double conversionRate() {
            return (1 - bounceRate) * addToCartRate * (1 - cartAbandonmentRate);
        }
    }

    /**
     * How true persons appear as source records.
     *
     * @param existingCustomerShare persons already customers when the simulated period starts
     * @param accountShareExisting existing customers holding a shop account
     * @param accountAtArrivalShare new persons who register at their first visit
     * @param accountAtFirstPurchaseShare new persons who register at their first online order (others check out as guests)
     * @param duplicateAccountRate account holders who open a second account (other email, typo, old address)
     * @param storeShopperShare persons who shop in stores
     * @param loyaltyMemberRate store shoppers holding a loyalty card
     * @param secondLoyaltyCardRate loyalty members who enrol a second time (lost card)
     * @param loyaltyLinkRate account holders with a card who link it to their account
     * @param marketplaceShopperShare persons who also buy electronics on the partner marketplace
     * @param catalogueShopperShare persons who order from the mail-order catalogue
     * @param typoRate a typed-in field carries a typo
     * @param moveRate persons who move house during the period
     * @param gpcRate persons whose browser sends Global Privacy Control
     * @param sharedPlaceholderRate records typed with a shared placeholder e-mail or phone (must not merge people)
     * @param sharedDeviceRate multi-person households sharing a family device
     */
    public record Identity(
            double existingCustomerShare,
            double accountShareExisting,
            double accountAtArrivalShare,
            double accountAtFirstPurchaseShare,
            double duplicateAccountRate,
            double storeShopperShare,
            double loyaltyMemberRate,
            double secondLoyaltyCardRate,
            double loyaltyLinkRate,
            double marketplaceShopperShare,
            double catalogueShopperShare,
            double typoRate,
            double moveRate,
            double gpcRate,
            double sharedPlaceholderRate,
            double sharedDeviceRate) {
        public Identity {
            probability("identity.existingCustomerShare", existingCustomerShare);
            probability("identity.accountShareExisting", accountShareExisting);
            probability("identity.accountAtArrivalShare", accountAtArrivalShare);
            probability("identity.accountAtFirstPurchaseShare", accountAtFirstPurchaseShare);
            probability("identity.duplicateAccountRate", duplicateAccountRate);
            probability("identity.storeShopperShare", storeShopperShare);
            probability("identity.loyaltyMemberRate", loyaltyMemberRate);
            probability("identity.secondLoyaltyCardRate", secondLoyaltyCardRate);
            probability("identity.loyaltyLinkRate", loyaltyLinkRate);
            probability("identity.marketplaceShopperShare", marketplaceShopperShare);
            probability("identity.catalogueShopperShare", catalogueShopperShare);
            probability("identity.typoRate", typoRate);
            probability("identity.moveRate", moveRate);
            probability("identity.gpcRate", gpcRate);
            probability("identity.sharedPlaceholderRate", sharedPlaceholderRate);
            probability("identity.sharedDeviceRate", sharedDeviceRate);
        }
    }

    /**
     * @param paymentFailureRate first payment attempts that fail (a retry then succeeds)
     * @param returnRate order lines returned (apparel three times as often)
     * @param abandonedCartRetentionDays open carts are deleted this long after their last change
     * @param ticketAfterFailedPaymentRate failed payments that lead to a customer-service ticket
     * @param ticketAfterReturnRate returns that lead to a ticket
     * @param ticketDailyRate other tickets per person and day
     */
    public record Operations(
            double paymentFailureRate,
            double returnRate,
            int abandonedCartRetentionDays,
            double ticketAfterFailedPaymentRate,
            double ticketAfterReturnRate,
            double ticketDailyRate) {
        public Operations {
            probability("operations.paymentFailureRate", paymentFailureRate);
            probability("operations.returnRate", returnRate);
            probability("operations.ticketAfterFailedPaymentRate", ticketAfterFailedPaymentRate);
            probability("operations.ticketAfterReturnRate", ticketAfterReturnRate);
            positive("operations.ticketDailyRate", ticketDailyRate + Double.MIN_VALUE);
        }
    }

    static void positive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new DemoWorldException(
                    DemoWorldErrorCode.INVALID_SETTINGS, "%s must be a positive number, was %s".formatted(name, value));
        }
    }

    static void probability(String name, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new DemoWorldException(
                    DemoWorldErrorCode.INVALID_SETTINGS, "%s must be between 0 and 1, was %s".formatted(name, value));
        }
    }
}
