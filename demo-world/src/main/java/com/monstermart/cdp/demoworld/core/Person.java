package com.monstermart.cdp.demoworld.core;

import com.monstermart.cdp.demoworld.WorldParameters;
import com.monstermart.cdp.demoworld.core.Propensity.Device;
import java.util.ArrayList;
import java.util.List;

/** A true person and their simulation state. */
final class Person {
    /** When (if ever) the person opens a shop account. */
    enum AccountPlan {
        BEFORE_START,
        AT_ARRIVAL,
        AT_FIRST_ONLINE_ORDER,
        NEVER
    }

    /** A browser or app install; a family device is shared by a household. */
    record DeviceUse(String anonymousId, Device type, boolean shared, String userAgent, String ip) {}

    static final String[] PURPOSES = {"email_marketing", "analytics", "personalisation", "sale_sharing"};

    long id;
    long householdId;
    String firstName;
    String lastName;
    String birthDate;
    Places.City city;
    Places.Address address;
    Places.Address newAddress;
    long movedAt = -1;
    String email;
    String secondEmail;
    String mobile;
    String landline;
    boolean existing;
    long arrivedAt;
    AccountPlan plan;
    boolean gpc;
    boolean variantB;
    boolean[] consents = new boolean[PURPOSES.length];
    double storeShare;
    double marketplaceShare;
    double catalogueShare;
    double onlineShare;
    boolean loyaltyMember;
    Stores.Store homeStore;
    double lambda;
    double dropout;
    double nu;
    final List<DeviceUse> devices = new ArrayList<>();
    long marketplaceUserId = -1;
    long catalogueCustomerId = -1;
    double meanPropensityNew;
    double meanPropensityReturning;

    // Records as they stand.
    long customerId = -1;
    long customerCreatedAt;
    RowTimeline customer;
    long duplicateCustomerId = -1;
    RowTimeline loyalty;
    RowTimeline secondLoyalty;
    int points;
    int secondCardPoints;

    /** The shares and traits that drive the propensity, drawn the same way for the calibration pilot. */
    static void drawTraits(Person person, Rng rng, WorldParameters parameters, boolean storeAvailable) {
        WorldParameters.Identity identity = parameters.identity();
        WorldParameters.BgNbd bgNbd = parameters.bgNbd();
        person.existing = rng.chance(identity.existingCustomerShare());
        person.gpc = rng.chance(identity.gpcRate());
        person.variantB = rng.chance(0.5);
        boolean storeShopper = storeAvailable && rng.chance(identity.storeShopperShare());
        double store = storeShopper ? rng.uniform(0.2, 0.8) : 0;
        double marketplace = rng.chance(identity.marketplaceShopperShare()) ? rng.uniform(0.1, 0.4) : 0;
        double catalogue = rng.chance(identity.catalogueShopperShare()) ? rng.uniform(0.1, 0.5) : 0;
        double online = Math.max(0.05, 1 - store - marketplace - catalogue);
        double total = store + marketplace + catalogue + online;
        person.storeShare = store / total;
        person.marketplaceShare = marketplace / total;
        person.catalogueShare = catalogue / total;
        person.onlineShare = online / total;
        person.lambda = rng.gamma(bgNbd.r(), bgNbd.alpha());
        person.dropout = rng.beta(bgNbd.a(), bgNbd.b());
        person.nu =
                rng.gamma(parameters.gammaGamma().q(), parameters.gammaGamma().gamma());
        if (person.existing) {
            person.plan = rng.chance(identity.accountShareExisting()) ? AccountPlan.BEFORE_START : AccountPlan.NEVER;
        } else {
            double u = rng.uniform();
            if (u < identity.accountAtArrivalShare()) {
                person.plan = AccountPlan.AT_ARRIVAL;
            } else if (u < identity.accountAtArrivalShare() + identity.accountAtFirstPurchaseShare()) {
                person.plan = AccountPlan.AT_FIRST_ONLINE_ORDER;
            } else {
                person.plan = AccountPlan.NEVER;
            }
        }
    }

    /** The person's own devices (a household's shared device is added by the caller). */
    static void drawDevices(Person person, Rng rng, WorldParameters parameters, String homeIp) {
        int count = 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.15) ? 1 : 0);
        for (int i = 0; i < count; i++) {
            Device type = i == 0 ? (rng.chance(0.6) ? Device.MOBILE : Device.DESKTOP) : Device.values()[rng.nextInt(3)];
            String ip = type == Device.MOBILE ? "198.51.100." + (1 + rng.nextInt(254)) : homeIp;
            person.devices.add(new DeviceUse(rng.uuid(), type, false, UserAgents.pick(rng, type), ip));
        }
        boolean accountFromStart = person.plan == AccountPlan.BEFORE_START || person.plan == AccountPlan.AT_ARRIVAL;
        // appShare is the share of online shoppers with the app; only account holders from the start can have it.
        double accountShare = parameters.identity().existingCustomerShare()
                        * parameters.identity().accountShareExisting()
                + (1 - parameters.identity().existingCustomerShare())
                        * parameters.identity().accountAtArrivalShare();
        if (accountFromStart && rng.chance(Math.min(1, parameters.sessions().appShare() / accountShare))) {
            person.devices.add(new DeviceUse(
                    rng.uuid(),
                    Device.APP,
                    false,
                    UserAgents.pick(rng, Device.APP),
                    "198.51.100." + (1 + rng.nextInt(254))));
        }
    }

    /** The person's mean purchase propensity over their possible sessions (Monte Carlo with a fixed stream). */
    static double meanPropensity(
            Person person, Propensity propensity, WorldParameters parameters, Rng rng, boolean returning, int draws) {
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            DeviceUse device = person.devices.get(rng.nextInt(person.devices.size()));
            Propensity.TrafficSource source =
                    Propensity.TrafficSource.values()[rng.weighted(Propensity.SOURCE_WEIGHTS)];
            int hour = rng.weighted(Propensity.HOUR_WEIGHTS);
            double value = rng.gamma(parameters.gammaGamma().p(), person.nu);
            sum += propensity.purchase(
                    new Propensity.Features(device.type(), source, returning, hour, value, person.variantB));
        }
        return sum / draws;
    }

    /** Occasions (store visits, orders, online sessions) per day, so that purchases come at rate lambda. */
    double occasionRate(boolean returning) {
        return occasionRate(lambda, returning);
    }

    /** Occasions per day for a purchase rate. */
    double occasionRate(double purchaseRate, boolean returning) {
        double online = returning ? meanPropensityReturning : meanPropensityNew;
        return purchaseRate / (storeShare + marketplaceShare + catalogueShare + onlineShare * online);
    }
}
