package com.monstermart.cdp.demoworld.core;

import static com.monstermart.cdp.demoworld.core.Times.DAY;
import static com.monstermart.cdp.demoworld.core.Times.HOUR;
import static com.monstermart.cdp.demoworld.core.Times.MINUTE;
import static com.monstermart.cdp.demoworld.core.Times.SECOND;

import com.monstermart.cdp.demoworld.WorldParameters;
import com.monstermart.cdp.demoworld.core.Catalogue.Category;
import com.monstermart.cdp.demoworld.core.Catalogue.Product;
import com.monstermart.cdp.demoworld.core.Person.AccountPlan;
import com.monstermart.cdp.demoworld.core.Person.DeviceUse;
import com.monstermart.cdp.demoworld.core.Propensity.Device;
import com.monstermart.cdp.demoworld.core.Propensity.Features;
import com.monstermart.cdp.demoworld.core.Propensity.TrafficSource;
import com.monstermart.cdp.demoworld.output.ChangeRouter;
import com.monstermart.cdp.demoworld.output.Csv;
import com.monstermart.cdp.demoworld.output.Json;
import com.monstermart.cdp.demoworld.output.RowFormat;
import com.monstermart.cdp.demoworld.output.Tables;
import com.monstermart.cdp.demoworld.output.TruthWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Simulates the world household by household; everything a household does comes from its own random stream. */
public final class Simulation {
    static final String CURRENCY = "GBP";
    private static final int PROPENSITY_DRAWS = 16;
    private static final String SITE = "https://www.monstermart.example";

    private final World world;
    private final WorldParameters parameters;
    private final ChangeRouter rows;
    private final TruthWriter truth;
    private final double messyRate;
    private final double meanLambda;
    private long persons;
    private double sessions;
    private double expectedBounces;
    private double expectedNotBounced;
    private double expectedCarted;
    private double expectedOrdered;

    public Simulation(World world) {
        this.world = world;
        this.parameters = world.parameters;
        this.rows = world.out.rows();
        this.truth = world.out.truth();
        this.messyRate = world.settings.messyRowRate();
        this.meanLambda = parameters.bgNbd().r() / parameters.bgNbd().alpha();
    }

    /** The catalogue and stores as rows: products (with their price changes) and stores. */
    public void writeReferenceData() {
        for (Product product : world.catalogue.products()) {
            Object[] row = {
                product.id(),
                product.sku(),
                product.name(),
                product.category().id(),
                product.category().code(),
                product.brand(),
                product.priceAt(world.start),
                CURRENCY,
                true,
                product.createdAt(),
                product.createdAt()
            };
            rows.insert(Tables.PRODUCTS, product.createdAt(), row);
            for (int change = 0; change < product.priceChanges(); change++) {
                Object[] updated = row.clone();
                updated[6] = product.priceAfterChange(change);
                updated[10] = product.priceChangeTime(change);
                rows.update(Tables.PRODUCTS, product.priceChangeTime(change), updated);
            }
        }
        for (Stores.Store store : world.stores.all()) {
            long opened = java.time.LocalDate.parse(store.openedOn()).toEpochDay() * DAY;
            rows.insert(Tables.STORES, opened, new Object[] {
                (long) store.id(),
                store.code(),
                store.name(),
                store.address().street(),
                store.address().city(),
                store.address().postcode(),
                store.address().country(),
                "Europe/London",
                store.openedOn(),
                opened
            });
        }
        rows.flush();
    }

    /** Simulates household {@code index} with persons from {@code firstPersonId}; returns how many persons it had. */
    public int household(long index, long firstPersonId, int maximumSize) {
        Rng rng = Rng.derive(world.seed, 2, index);
        double[] sizes = {0.55, 0.30, 0.10, 0.05};
        int size = Math.min(maximumSize, 1 + rng.weighted(sizes));
        Places.City city = Places.city(rng);
        Places.Address home = Places.address(rng, city);
        String lastName = Names.lastName(rng);
        String homeIp = "203.0.113." + (1 + rng.nextInt(254));
        DeviceUse shared = null;
        if (size > 1 && rng.chance(parameters.identity().sharedDeviceRate())) {
            Device type = rng.chance(0.5) ? Device.DESKTOP : Device.TABLET;
            shared = new DeviceUse(rng.uuid(), type, true, UserAgents.pick(rng, type), homeIp);
        }
        List<Person> members = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Person person = createPerson(rng, firstPersonId + i, index, city, home, lastName, homeIp);
            if (shared != null) {
                person.devices.add(shared);
            }
            person.meanPropensityNew =
                    Person.meanPropensity(person, world.propensity, parameters, rng, false, PROPENSITY_DRAWS);
            person.meanPropensityReturning =
                    Person.meanPropensity(person, world.propensity, parameters, rng, true, PROPENSITY_DRAWS);
            members.add(person);
        }
        for (Person person : members) {
            writePerson(person);
            simulate(rng, person);
        }
        rows.flush();
        persons += size;
        return size;
    }

    public long persons() {
        return persons;
    }

    /** The expected bounce, add-to-cart and order-completion rates of the sessions so far (from propensities). */
    public double[] expectedRates() {
        return new double[] {
            expectedBounces / sessions, expectedCarted / expectedNotBounced, expectedOrdered / expectedCarted
        };
    }

    // ---------------------------------------------------------------- persons

    private Person createPerson(
            Rng rng,
            long personId,
            long householdId,
            Places.City city,
            Places.Address home,
            String householdName,
            String homeIp) {
        WorldParameters.Identity identity = parameters.identity();
        Person person = new Person();
        person.id = personId;
        person.householdId = householdId;
        person.firstName = Names.firstName(rng);
        person.lastName = rng.chance(0.7) ? householdName : Names.lastName(rng);
        int age = 18 + (int) Math.min(67, rng.gamma(3, 0.1));
        person.birthDate = Times.date(world.end - (long) ((age + rng.uniform()) * 365.25 * DAY))
                .toString();
        person.city = city;
        person.address = home;
        person.email = Names.email(rng, person.firstName, person.lastName, personId);
        if (rng.chance(0.3)) {
            person.secondEmail = Names.email(rng, person.firstName, person.lastName, personId * 7 + 3);
            if (person.secondEmail.equals(person.email)) {
                person.secondEmail = null;
            }
        }
        person.mobile = Places.mobile(rng, city.country());
        if (rng.chance(0.2)) {
            person.landline = Places.landline(rng, city.country());
        }
        Person.drawTraits(person, rng, parameters, city.country().equals("GB"));
        person.arrivedAt =
                person.existing ? world.start : world.start + (long) (rng.uniform() * (world.end - world.start));
        Person.drawDevices(person, rng, parameters, homeIp);
        for (int i = 0; i < Person.PURPOSES.length; i++) {
            double granted = new double[] {0.55, 0.75, 0.6, 0.7}[i];
            person.consents[i] = rng.chance(granted) && !(i == 3 && person.gpc);
        }
        if (person.storeShare > 0) {
            person.homeStore = world.stores.near(rng, city.name());
            person.loyaltyMember = rng.chance(identity.loyaltyMemberRate());
        }
        if (rng.chance(identity.moveRate())) {
            person.movedAt = world.start + (long) (rng.uniform() * (world.end - world.start));
            Places.City newCity = rng.chance(0.6) ? city : Places.city(rng);
            if (!newCity.country().equals(city.country())) {
                newCity = city;
            }
            person.newAddress = Places.address(rng, newCity);
        }
        if (person.marketplaceShare > 0) {
            person.marketplaceUserId = 1515915625440000000L + personId * 3;
        }
        if (person.catalogueShare > 0) {
            person.catalogueCustomerId = world.ids.catalogueCustomer();
        }
        return person;
    }

    private void writePerson(Person p) {
        truth.write(
                TruthWriter.PERSONS,
                p.id,
                p.householdId,
                p.firstName,
                p.lastName,
                p.email,
                p.secondEmail,
                p.mobile,
                p.landline,
                p.birthDate,
                p.address.street(),
                p.address.city(),
                p.address.postcode(),
                p.address.country(),
                p.movedAt >= 0 ? Times.iso(p.movedAt) : null,
                p.newAddress == null ? null : p.newAddress.street(),
                p.newAddress == null ? null : p.newAddress.city(),
                p.newAddress == null ? null : p.newAddress.postcode(),
                p.existing,
                Times.iso(p.arrivedAt),
                p.gpc,
                p.variantB ? "B" : "A",
                round(p.storeShare),
                round(p.marketplaceShare),
                round(p.catalogueShare),
                round(p.onlineShare));
        for (int i = 0; i < Person.PURPOSES.length; i++) {
            truth.write(
                    TruthWriter.CONSENTS, p.id, Person.PURPOSES[i], p.consents[i], i == 3 && p.gpc ? "gpc" : "choice");
        }
        for (DeviceUse device : p.devices) {
            String source = device.type() == Device.APP ? "app.install_id" : "web.anonymous_id";
            truth.record(source, device.anonymousId(), p.id, device.shared() ? "shared_device" : "device", null);
        }
        if (p.marketplaceUserId >= 0) {
            truth.record("marketplace.user_id", p.marketplaceUserId, p.id, "account", null);
        }
        if (p.catalogueCustomerId >= 0) {
            truth.record("catalogue.customer_id", p.catalogueCustomerId, p.id, "account", null);
        }
    }

    private Places.Address addressAt(Person p, long time) {
        return p.movedAt >= 0 && time >= p.movedAt ? p.newAddress : p.address;
    }

    // ---------------------------------------------------------------- the person's life

    private void simulate(Rng rng, Person p) {
        WorldParameters.Identity identity = parameters.identity();
        if (p.plan == AccountPlan.BEFORE_START) {
            openAccount(rng, p, world.start - (long) (rng.uniform(20, 1500) * DAY), "account");
        }
        if (p.loyaltyMember && p.existing) {
            enrolLoyalty(rng, p, world.start - (long) (rng.uniform(10, 2000) * DAY), false);
        }
        if (p.plan == AccountPlan.AT_ARRIVAL) {
            openAccount(rng, p, p.arrivedAt, "account");
        }
        if (p.customerId >= 0 && rng.chance(identity.duplicateAccountRate())) {
            long from = Math.max(p.customerCreatedAt, world.start - 400 * DAY);
            openDuplicateAccount(rng, p, from + (long) (rng.uniform() * (world.horizon - from)));
        }
        if (p.movedAt >= 0) {
            applyMove(rng, p);
        }
        tickets(rng, p);

        long t = p.arrivedAt;
        long lastSessionEnd = Long.MIN_VALUE / 2;
        boolean returning = p.existing;
        long firstPurchase = -1;
        long lastPurchase = -1;
        int repeats = 0;
        boolean alive = true;
        double[] channels = {p.storeShare, p.marketplaceShare, p.catalogueShare, p.onlineShare};
        while (true) {
            // Before their first purchase, new persons shop at the population's mean rate: the time to acquisition
            // does not depend on lambda, so the acquired cohort's lambdas follow Gamma(r, alpha) untilted.
            double rate = firstPurchase < 0 && !p.existing
                    ? p.occasionRate(meanLambda, false)
                    : p.occasionRate(p.lambda, returning);
            t += (long) (rng.exponential(rate) * DAY);
            if (t >= world.horizon) {
                break;
            }
            int channel = rng.weighted(channels);
            long occurred;
            boolean purchased;
            switch (channel) {
                case 0 -> {
                    occurred = Times.startOfDay(t) + 9 * HOUR + (long) (rng.uniform() * 11 * HOUR);
                    if (p.loyaltyMember && p.loyalty == null && occurred < world.horizon) {
                        enrolLoyalty(rng, p, occurred - 5 * MINUTE, false);
                    }
                    purchased = occurred < world.horizon && storeVisit(rng, p, occurred);
                }
                case 1 -> {
                    occurred = t;
                    purchased = marketplaceOrder(rng, p, occurred);
                }
                case 2 -> {
                    occurred = t;
                    purchased = catalogueOrder(rng, p, occurred);
                }
                default -> {
                    long start = Times.startOfDay(t)
                            + rng.weighted(Propensity.HOUR_WEIGHTS) * HOUR
                            + (long) (rng.uniform() * HOUR);
                    long timeout = parameters.sessions().sessionTimeoutMinutes() * MINUTE;
                    if (start < lastSessionEnd + timeout) {
                        start = lastSessionEnd + timeout + SECOND + (long) (rng.uniform() * 3 * HOUR);
                    }
                    occurred = start;
                    if (start >= world.horizon) {
                        purchased = false;
                    } else {
                        long[] result = session(rng, p, start, returning);
                        lastSessionEnd = result[0];
                        purchased = result[1] == 1;
                    }
                }
            }
            if (purchased) {
                if (firstPurchase < 0) {
                    firstPurchase = occurred;
                } else {
                    repeats++;
                    lastPurchase = occurred;
                    if (rng.chance(p.dropout)) {
                        alive = false;
                        break;
                    }
                }
                returning = true;
            }
        }
        double tx = firstPurchase < 0 || repeats == 0 ? 0 : (lastPurchase - firstPurchase) / (double) DAY;
        double bigT = firstPurchase < 0 ? 0 : (world.horizon - firstPurchase) / (double) DAY;
        truth.write(
                TruthWriter.CLV,
                p.id,
                p.existing,
                Times.iso(p.arrivedAt),
                p.lambda,
                p.dropout,
                p.nu,
                firstPurchase < 0 ? null : Times.iso(firstPurchase),
                repeats,
                lastPurchase < 0 ? null : Times.iso(lastPurchase),
                round(tx),
                round(bigT),
                alive);
        for (RowTimeline timeline : new RowTimeline[] {p.customer, p.loyalty, p.secondLoyalty}) {
            if (timeline != null) {
                timeline.flush(rows);
            }
        }
    }

    // ---------------------------------------------------------------- shop accounts

    private void openAccount(Rng rng, Person p, long time, String kind) {
        WorldParameters.Identity identity = parameters.identity();
        long id = world.ids.customer();
        Places.Address address = addressAt(p, time);
        String email = p.secondEmail != null && rng.chance(0.2) ? p.secondEmail : p.email;
        String phone = rng.chance(0.85) ? Places.phoneVariant(rng, p.mobile, p.address.country()) : null;
        Object[] row = {
            id,
            rng.chance(identity.typoRate()) ? Names.emailTypo(rng, email) : email,
            phone,
            firstNameAsTyped(rng, p),
            rng.chance(identity.typoRate()) ? Names.typo(rng, p.lastName) : p.lastName,
            rng.chance(0.7) ? p.birthDate : null,
            address.street(),
            address.city(),
            address.postcode(),
            address.country(),
            p.loyalty != null && rng.chance(identity.loyaltyLinkRate()) ? (String) p.loyalty.value(1) : null,
            p.consents[0],
            time,
            time
        };
        rows.insert(Tables.CUSTOMERS, time, row);
        for (int i = 0; i < Person.PURPOSES.length; i++) {
            rows.insert(Tables.CONSENTS, time, new Object[] {
                id, Person.PURPOSES[i], p.consents[i], i == 3 && p.gpc ? "gpc" : "signup_form", time
            });
        }
        p.customerId = id;
        p.customerCreatedAt = time;
        p.customer = new RowTimeline(Tables.CUSTOMERS, row);
        if (rng.chance(0.1)) {
            long changed = time + (long) (rng.uniform(1, 200) * DAY);
            boolean granted = !p.consents[0];
            rows.update(Tables.CONSENTS, changed, new Object[] {
                id, Person.PURPOSES[0], granted, "preference_centre", changed
            });
            p.customer.patch(changed, 11, granted);
        }
        truth.record("shop.customers", id, p.id, kind, sharedIdentifier(row[1], row[2]));
        if (p.devices.stream().anyMatch(device -> device.type() == Device.APP)) {
            truth.record("app.user_id", appUserId(id), p.id, "app_account", null);
        }
    }

    private void openDuplicateAccount(Rng rng, Person p, long time) {
        long id = world.ids.customer();
        Places.Address address = rng.chance(0.5) ? p.address : addressAt(p, time);
        String email = p.secondEmail != null && !p.secondEmail.equals(p.customer.value(1))
                ? p.secondEmail
                : Names.emailTypo(rng, p.email);
        if (email.equals(p.customer.value(1))) {
            email = email.replace("@", "+shop@");
        }
        Object[] row = {
            id,
            email,
            rng.chance(0.5) ? Places.phoneVariant(rng, p.mobile, p.address.country()) : null,
            rng.chance(0.5) && Names.hasNickname(p.firstName) ? Names.nickname(p.firstName) : p.firstName,
            p.lastName,
            rng.chance(0.4) ? p.birthDate : null,
            address.street(),
            address.city(),
            address.postcode(),
            address.country(),
            null,
            false,
            time,
            time
        };
        rows.insert(Tables.CUSTOMERS, time, row);
        for (int i = 0; i < Person.PURPOSES.length; i++) {
            rows.insert(Tables.CONSENTS, time, new Object[] {
                id, Person.PURPOSES[i], i == 1 && p.consents[1], i == 3 && p.gpc ? "gpc" : "signup_form", time
            });
        }
        truth.record("shop.customers", id, p.id, "duplicate_account", sharedIdentifier(row[1], row[2]));
        p.duplicateCustomerId = id;
    }

    private void applyMove(Rng rng, Person p) {
        if (p.customer != null && p.customerCreatedAt < p.movedAt && rng.chance(0.7)) {
            long time = p.movedAt + (long) (rng.uniform(0, 14) * DAY);
            p.customer.patch(time, 6, p.newAddress.street(), 7, p.newAddress.city(), 8, p.newAddress.postcode());
        }
        if (p.loyalty != null && (Long) p.loyalty.value(14) < p.movedAt && rng.chance(0.3)) {
            long time = p.movedAt + (long) (rng.uniform(0, 30) * DAY);
            p.loyalty.patch(time, 8, p.newAddress.street(), 9, p.newAddress.postcode());
        }
    }

    private String firstNameAsTyped(Rng rng, Person p) {
        double u = rng.uniform();
        if (u < parameters.identity().typoRate()) {
            return Names.typo(rng, p.firstName);
        }
        if (u < 0.12 && Names.hasNickname(p.firstName)) {
            return Names.nickname(p.firstName);
        }
        return p.firstName;
    }

    private static String withAddress(String sharedIdentifier, boolean sharedAddress) {
        if (!sharedAddress) {
            return sharedIdentifier;
        }
        return sharedIdentifier == null ? "address" : sharedIdentifier + "+address";
    }

    private static String sharedIdentifier(Object email, Object phone) {
        boolean sharedEmail = false;
        for (String placeholder : Names.PLACEHOLDER_EMAILS) {
            sharedEmail |= placeholder.equals(email);
        }
        boolean sharedPhone = Names.PLACEHOLDER_PHONE.equals(phone);
        if (sharedEmail && sharedPhone) {
            return "email+phone";
        }
        return sharedEmail ? "email" : sharedPhone ? "phone" : null;
    }

    // ---------------------------------------------------------------- loyalty and stores

    private void enrolLoyalty(Rng rng, Person p, long time, boolean second) {
        WorldParameters.Identity identity = parameters.identity();
        long id = world.ids.loyaltyMember();
        String card = loyaltyCard(id);
        boolean placeholder = rng.chance(identity.sharedPlaceholderRate() * 5);
        Places.Address address = addressAt(p, time);
        String first = firstNameAsTyped(rng, p);
        if (rng.chance(0.05)) {
            first = first.substring(0, 1) + ".";
        }
        Object[] row = {
            id,
            card,
            (long) p.homeStore.id(),
            rng.chance(0.1) ? first.toUpperCase(Locale.ROOT) : first,
            rng.chance(identity.typoRate()) ? Names.typo(rng, p.lastName) : p.lastName,
            placeholder ? rng.pick(Names.PLACEHOLDER_EMAILS) : rng.chance(0.7) ? maybeTypo(rng, p.email) : null,
            placeholder && rng.chance(0.5)
                    ? Names.PLACEHOLDER_PHONE
                    : rng.chance(0.8) ? Places.phoneVariant(rng, p.mobile, address.country()) : null,
            rng.chance(0.6) ? p.birthDate : null,
            rng.chance(0.5) ? address.street() : null,
            address.postcode(),
            address.country(),
            "bronze",
            0L,
            "active",
            time,
            time
        };
        rows.insert(Tables.LOYALTY_MEMBERS, time, row);
        truth.record(
                "pos.loyalty_members", id, p.id, second ? "second_card" : "card", sharedIdentifier(row[5], row[6]));
        if (second) {
            p.secondLoyalty = new RowTimeline(Tables.LOYALTY_MEMBERS, row);
            return;
        }
        p.loyalty = new RowTimeline(Tables.LOYALTY_MEMBERS, row);
        if (p.customer != null && p.customer.value(10) == null && rng.chance(identity.loyaltyLinkRate())) {
            long linked = Math.max(time, p.customerCreatedAt) + (long) (rng.uniform(1, 60) * DAY);
            p.customer.patch(linked, 10, card);
        }
        if (rng.chance(identity.secondLoyaltyCardRate())) {
            long lost = Math.max(time, world.start)
                    + (long) (rng.uniform() * (world.horizon - Math.max(time, world.start)));
            enrolLoyalty(rng, p, lost, true);
            if (rng.chance(0.5)) {
                p.loyalty.patch(lost + SECOND, 13, "closed");
            }
        }
    }

    private String maybeTypo(Rng rng, String email) {
        return rng.chance(parameters.identity().typoRate()) ? Names.emailTypo(rng, email) : email;
    }

    static String loyaltyCard(long memberId) {
        String digits = "6299" + String.format("%011d", memberId * 7919 % 100_000_000_000L);
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = digits.charAt(digits.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return digits + (10 - sum % 10) % 10;
    }

    /** A till receipt; returns true (a store visit always buys something). */
    private boolean storeVisit(Rng rng, Person p, long time) {
        Stores.Store store = rng.chance(0.8) ? p.homeStore : rng.pick(world.stores.all());
        List<BasketLine> basket = basket(rng, time, spend(rng, p), Catalogue.Range.STORE);
        RowTimeline member = null;
        if (p.loyalty != null && (Long) p.loyalty.value(14) <= time && rng.chance(0.85)) {
            member = p.secondLoyalty != null && (Long) p.secondLoyalty.value(14) <= time && rng.chance(0.7)
                    ? p.secondLoyalty
                    : p.loyalty;
        }
        long id = world.ids.transaction();
        int register = 1 + rng.nextInt(6);
        long total = 0;
        long[] discounts = new long[basket.size()];
        for (int i = 0; i < basket.size(); i++) {
            BasketLine line = basket.get(i);
            discounts[i] = member != null && rng.chance(0.1) ? line.unitPrice() * line.quantity() / 10 : 0;
            total += line.unitPrice() * line.quantity() - discounts[i];
        }
        String method = new String[] {"contactless", "card", "cash", "gift_card"}
                [rng.weighted(new double[] {0.55, 0.25, 0.17, 0.03})];
        rows.insert(Tables.TRANSACTIONS, time, new Object[] {
            id,
            (long) store.id(),
            (long) register,
            store.code() + "-" + register + "-" + id,
            member == null ? null : member.value(0),
            "sale",
            method,
            total,
            CURRENCY,
            time
        });
        for (int i = 0; i < basket.size(); i++) {
            BasketLine line = basket.get(i);
            rows.insert(Tables.TRANSACTION_ITEMS, time, new Object[] {
                world.ids.transactionItem(),
                id,
                (long) (i + 1),
                line.product().sku(),
                line.product().name(),
                (long) line.quantity(),
                line.unitPrice(),
                discounts[i]
            });
        }
        truth.record("pos.transactions", id, p.id, member == null ? "anonymous" : "card", null);
        truth.write(TruthWriter.TRANSACTIONS, p.id, Times.iso(time), "store", RowFormat.money(total), "pos:" + id);
        if (member != null) {
            int points;
            if (member == p.loyalty) {
                points = p.points += (int) (total / 100);
            } else {
                points = p.secondCardPoints += (int) (total / 100);
            }
            member.patch(
                    time + SECOND,
                    12,
                    (long) points,
                    11,
                    points >= 2000 ? "gold" : points >= 500 ? "silver" : "bronze");
        }
        if (rng.chance(0.03)) {
            BasketLine line = basket.get(0);
            long returned = time + (long) (rng.uniform(1, 20) * DAY);
            if (returned < world.horizon) {
                long returnId = world.ids.transaction();
                rows.insert(Tables.TRANSACTIONS, returned, new Object[] {
                    returnId,
                    (long) store.id(),
                    (long) (1 + rng.nextInt(6)),
                    store.code() + "-R-" + returnId,
                    member == null ? null : member.value(0),
                    "return",
                    method,
                    -line.unitPrice(),
                    CURRENCY,
                    returned
                });
                rows.insert(Tables.TRANSACTION_ITEMS, returned, new Object[] {
                    world.ids.transactionItem(),
                    returnId,
                    1L,
                    line.product().sku(),
                    line.product().name(),
                    -1L,
                    line.unitPrice(),
                    0L
                });
                truth.record(
                        "pos.transactions", returnId, p.id, member == null ? "anonymous_return" : "card_return", null);
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- baskets

    record BasketLine(Product product, int quantity, long unitPrice) {}

    private double spend(Rng rng, Person p) {
        return rng.gamma(parameters.gammaGamma().p(), p.nu);
    }

    private List<BasketLine> basket(Rng rng, long time, double spend, Catalogue.Range range) {
        long budget = Math.max(100, (long) (spend * 100));
        List<BasketLine> lines = new ArrayList<>(4);
        Product first = null;
        for (int attempt = 0; attempt < 6; attempt++) {
            Product candidate = world.catalogue.product(rng, world.catalogue.category(rng, time, world.start, range));
            if (first == null || candidate.priceAt(time) < first.priceAt(time)) {
                first = candidate;
            }
            if (first.priceAt(time) <= budget * 3 / 2) {
                break;
            }
        }
        Category category = first.category();
        long subtotal = 0;
        Product product = first;
        for (int i = 0; i < 5 && product != null; i++) {
            long price = product.priceAt(time);
            int quantity = price < 1500 && rng.chance(0.3) ? 2 : 1;
            if (!lines.isEmpty() && subtotal + price * quantity > budget * 13 / 10) {
                break;
            }
            lines.add(new BasketLine(product, quantity, price));
            subtotal += price * quantity;
            if (subtotal >= budget * 8 / 10) {
                break;
            }
            Product next = rng.chance(0.6)
                    ? world.catalogue.product(rng, category)
                    : world.catalogue.product(rng, world.catalogue.category(rng, time, world.start, range));
            product = null;
            for (int attempt = 0; attempt < 3 && product == null; attempt++) {
                Product candidate = next;
                boolean taken = lines.stream().anyMatch(line -> line.product() == candidate);
                if (!taken) {
                    product = candidate;
                } else {
                    next = world.catalogue.product(rng, category);
                }
            }
        }
        return lines;
    }

    private static long subtotal(List<BasketLine> basket) {
        long subtotal = 0;
        for (BasketLine line : basket) {
            subtotal += line.unitPrice() * line.quantity();
        }
        return subtotal;
    }

    // ---------------------------------------------------------------- marketplace and catalogue

    private boolean marketplaceOrder(Rng rng, Person p, long time) {
        List<BasketLine> basket = basket(rng, time, spend(rng, p), Catalogue.Range.ELECTRONICS);
        long orderId = world.ids.marketplaceOrder();
        for (BasketLine line : basket) {
            for (int unit = 0; unit < line.quantity(); unit++) {
                Product product = line.product();
                String messy = messy(rng)
                        ? rng.pick(new String[] {"decimal_comma", "date_without_timezone", "missing_price"})
                        : null;
                String eventTime = "date_without_timezone".equals(messy)
                        ? Times.utcSeconds(time).replace(" UTC", "")
                        : Times.utcSeconds(time);
                String price = "missing_price".equals(messy)
                        ? null
                        : "decimal_comma".equals(messy)
                                ? RowFormat.money(line.unitPrice()).replace('.', ',')
                                : RowFormat.money(line.unitPrice());
                world.out.electronics(
                        time,
                        messy,
                        Csv.line(
                                eventTime,
                                orderId,
                                product.marketplaceId(),
                                2268105426648170000L + product.category().index(),
                                product.category().code(),
                                product.brand().toLowerCase(Locale.ROOT),
                                price,
                                p.marketplaceUserId));
            }
        }
        truth.record("marketplace.orders", orderId, p.id, "order", null);
        truth.write(
                TruthWriter.TRANSACTIONS,
                p.id,
                Times.iso(time),
                "marketplace",
                RowFormat.money(subtotal(basket)),
                "marketplace:" + orderId);
        return true;
    }

    private boolean catalogueOrder(Rng rng, Person p, long time) {
        List<BasketLine> basket = basket(rng, time, spend(rng, p), Catalogue.Range.CATALOGUE);
        long invoice = world.ids.invoice();
        boolean anonymous = rng.chance(0.08);
        String country = Places.retailCountryName(addressAt(p, time).country());
        for (BasketLine line : basket) {
            retailLine(
                    rng,
                    time,
                    Long.toString(invoice),
                    line,
                    line.quantity(),
                    anonymous ? null : p.catalogueCustomerId,
                    country);
        }
        truth.record("catalogue.invoices", invoice, p.id, anonymous ? "no_customer_id" : "invoice", null);
        truth.write(
                TruthWriter.TRANSACTIONS,
                p.id,
                Times.iso(time),
                "catalogue",
                RowFormat.money(subtotal(basket)),
                "catalogue:" + invoice);
        if (rng.chance(0.03)) {
            long cancelled = time + (long) (rng.uniform(0.1, 3) * DAY);
            if (cancelled < world.horizon) {
                long cancellation = world.ids.invoice();
                BasketLine line = basket.get(0);
                retailLine(
                        rng,
                        cancelled,
                        "C" + cancellation,
                        line,
                        -line.quantity(),
                        anonymous ? null : p.catalogueCustomerId,
                        country);
                truth.record("catalogue.invoices", "C" + cancellation, p.id, "cancellation", null);
            }
        }
        return true;
    }

    private void retailLine(
            Rng rng, long time, String invoice, BasketLine line, int quantity, Long customerId, String country) {
        Product product = line.product();
        int perUnit = product.priceAt(time) < 1000 ? 1 + rng.nextInt(12) : 1;
        String messy = messy(rng)
                ? rng.pick(new String[] {"decimal_comma", "iso_invoice_date", "blank_description", "float_customer_id"})
                : null;
        String description =
                "blank_description".equals(messy) ? "" : product.name().toUpperCase(Locale.ROOT);
        String date = "iso_invoice_date".equals(messy) ? Times.iso(time) : Times.retailDate(time);
        String price = "decimal_comma".equals(messy)
                ? RowFormat.money(line.unitPrice()).replace('.', ',')
                : RowFormat.money(line.unitPrice());
        String customer = customerId == null
                ? null
                : "float_customer_id".equals(messy) ? customerId + ".0" : customerId.toString();
        if (customerId == null && "float_customer_id".equals(messy)) {
            messy = null;
        }
        world.out.retail(
                time,
                messy,
                Csv.line(
                        invoice, product.stockCode(), description, quantity * perUnit, date, price, customer, country));
    }

    private boolean messy(Rng rng) {
        return messyRate > 0 && rng.chance(messyRate);
    }

    // ---------------------------------------------------------------- customer service

    private static final String[][] TICKET_SUBJECTS = {
        {"payment", "Card declined at checkout", "Charged but no confirmation", "Payment failed twice"},
        {"return", "How do I return my order?", "Refund not received", "Return label missing"},
        {"delivery", "Where is my parcel?", "Parcel arrived damaged", "Wrong item delivered"},
        {"account", "Cannot log in", "Please update my address", "Unsubscribe me from e-mails"},
        {"product", "Is this cloak machine washable?", "Do you stock coffin beds in XL?", "Warranty question"}
    };

    private void tickets(Rng rng, Person p) {
        int count = rng.poisson(parameters.operations().ticketDailyRate() * (world.end - p.arrivedAt) / DAY);
        for (int i = 0; i < count; i++) {
            long time = p.arrivedAt + (long) (rng.uniform() * (world.horizon - p.arrivedAt));
            ticket(rng, p, time, 2 + rng.nextInt(3), null);
        }
    }

    private void ticket(Rng rng, Person p, long time, int category, String orderNumber) {
        if (time >= world.horizon) {
            return;
        }
        long id = world.ids.ticket();
        String channel =
                new String[] {"email", "phone", "chat", "web_form"}[rng.weighted(new double[] {0.4, 0.3, 0.2, 0.1})];
        String name = rng.chance(0.3) ? Names.nickname(p.firstName) + " " + p.lastName : p.firstName + " " + p.lastName;
        if (rng.chance(parameters.identity().typoRate() * 2)) {
            name = Names.typo(rng, name);
        }
        boolean placeholder = rng.chance(parameters.identity().sharedPlaceholderRate());
        String email = placeholder
                ? rng.pick(Names.PLACEHOLDER_EMAILS)
                : channel.equals("phone") && rng.chance(0.5)
                        ? null
                        : maybeTypo(rng, p.secondEmail != null && rng.chance(0.3) ? p.secondEmail : p.email);
        String phone = channel.equals("phone") || rng.chance(0.3)
                ? Places.phoneVariant(
                        rng, p.landline != null && rng.chance(0.3) ? p.landline : p.mobile, p.address.country())
                : null;
        String[] subjects = TICKET_SUBJECTS[category];
        String status = rng.chance(0.85) ? "resolved" : rng.chance(0.5) ? "open" : "pending";
        long resolved = time + (long) (rng.uniform(0.05, 5) * DAY);
        String messy = messy(rng) ? rng.pick(new String[] {"day_first_date", "missing_contact"}) : null;
        String created = "day_first_date".equals(messy)
                ? String.format(
                        "%02d/%02d/%d %02d:%02d",
                        Times.date(time).getDayOfMonth(),
                        Times.date(time).getMonthValue(),
                        Times.date(time).getYear(),
                        Times.hourOfDay(time),
                        (time / MINUTE) % 60)
                : Times.iso(time);
        if ("missing_contact".equals(messy)) {
            email = null;
            phone = null;
        }
        world.out.ticket(
                time,
                messy,
                Csv.line(
                        "CS-" + id,
                        created,
                        channel,
                        name,
                        email,
                        phone,
                        orderNumber,
                        subjects[0],
                        subjects[1 + rng.nextInt(subjects.length - 1)],
                        status,
                        status.equals("resolved") && resolved < world.end ? Times.iso(resolved) : null));
        truth.record("cs.tickets", "CS-" + id, p.id, "ticket", sharedIdentifier(email, phone));
    }

    // ---------------------------------------------------------------- online sessions

    /** Runs one web or app session; returns {end time, 1 if it ended in an order else 0}. */
    private long[] session(Rng rng, Person p, long start, boolean returning) {
        DeviceUse device = p.devices.get(rng.nextInt(p.devices.size()));
        boolean app = device.type() == Device.APP;
        TrafficSource source = app && rng.chance(0.5)
                ? TrafficSource.DIRECT
                : TrafficSource.values()[rng.weighted(Propensity.SOURCE_WEIGHTS)];
        Campaigns.Campaign campaign = world.campaigns.forSession(rng, source, start);
        List<BasketLine> basket = basket(rng, start, spend(rng, p), Catalogue.Range.ALL);
        double cartValue = subtotal(basket) / 100.0;
        Features features =
                new Features(device.type(), source, returning, Times.hourOfDay(start), cartValue, p.variantB);
        double bounce = world.propensity.bounce(features);
        double cart = world.propensity.addToCart(features);
        double checkout = world.propensity.checkout(features);
        sessions++;
        expectedBounces += bounce;
        expectedNotBounced += 1 - bounce;
        expectedCarted += (1 - bounce) * cart;
        expectedOrdered += (1 - bounce) * cart * checkout;
        boolean bounced = rng.chance(bounce);
        boolean carted = !bounced && rng.chance(cart);
        boolean ordered = carted && rng.chance(checkout);

        if (p.plan == AccountPlan.AT_FIRST_ONLINE_ORDER && p.customerId < 0 && ordered) {
            openAccount(rng, p, start, "account");
        }
        SessionContext s = new SessionContext(rng, p, device, rng.uuid(), start, source, campaign, app);
        s.loggedIn = p.customerId >= 0 && p.customerCreatedAt <= start && (app || rng.chance(0.6));
        Product landing = basket.get(0).product();
        s.page(landingPath(source, landing, campaign), landing);
        if (!bounced) {
            if (s.loggedIn && !app) {
                s.step(rng);
                s.identify(p.customer);
            }
            List<Product> viewed = new ArrayList<>();
            for (BasketLine line : basket) {
                viewed.add(line.product());
            }
            int extra = rng.geometric(0.45);
            for (int i = 0; i < extra; i++) {
                viewed.add(world.catalogue.product(rng, landing.category()));
            }
            for (Product product : viewed) {
                s.step(rng);
                s.productViewed(product);
            }
            if (carted) {
                cartAndMaybeOrder(rng, p, s, basket, ordered);
            }
        }
        String outcome = ordered ? "purchase" : carted ? "cart_abandoned" : bounced ? "bounce" : "browse";
        truth.write(
                TruthWriter.SESSIONS,
                s.sessionId,
                p.id,
                app ? "app" : "web",
                device.anonymousId(),
                s.loggedIn ? Long.toString(p.customerId) : null,
                device.type().name().toLowerCase(Locale.ROOT),
                source.name().toLowerCase(Locale.ROOT),
                campaign == null ? null : campaign.name(),
                returning,
                features.hour(),
                RowFormat.money(Math.round(cartValue * 100)),
                p.variantB ? "B" : "A",
                Times.iso(start),
                Times.iso(s.clock),
                s.events,
                outcome,
                round(bounce),
                round(cart),
                round(checkout),
                round((1 - bounce) * cart * checkout),
                s.orderNumber);
        return new long[] {s.clock, ordered ? 1 : 0};
    }

    private static String landingPath(TrafficSource source, Product product, Campaigns.Campaign campaign) {
        return switch (source) {
            case DIRECT -> "/";
            case ORGANIC_SEARCH, REFERRAL -> "/c/" + product.category().code().replace('.', '/');
            case EMAIL -> campaign == null ? "/offers" : "/offers/" + campaign.name();
            default -> "/p/" + product.sku().toLowerCase(Locale.ROOT);
        };
    }

    private void cartAndMaybeOrder(Rng rng, Person p, SessionContext s, List<BasketLine> basket, boolean ordered) {
        long cartId = world.ids.cart();
        s.step(rng);
        s.holdNextStep();
        Object[] cartRow = {
            cartId,
            s.loggedIn ? p.customerId : null,
            s.device.anonymousId(),
            s.sessionId,
            "open",
            CURRENCY,
            s.clock,
            s.clock
        };
        rows.insert(Tables.CARTS, s.clock, cartRow);
        List<Object[]> items = new ArrayList<>();
        for (BasketLine line : basket) {
            s.step(rng);
            Object[] item = {
                world.ids.cartItem(),
                cartId,
                line.product().id(),
                (long) line.quantity(),
                line.unitPrice(),
                s.clock,
                s.clock
            };
            rows.insert(Tables.CART_ITEMS, s.clock, item);
            items.add(item);
            s.productAdded(cartId, line.product(), line.quantity(), line.unitPrice());
        }
        if (rng.chance(0.2)) {
            Product extra = world.catalogue.product(rng, basket.get(0).product().category());
            long price = extra.priceAt(s.clock);
            s.step(rng);
            Object[] item = {world.ids.cartItem(), cartId, extra.id(), 1L, price, s.clock, s.clock};
            rows.insert(Tables.CART_ITEMS, s.clock, item);
            s.productAdded(cartId, extra, 1, price);
            s.step(rng);
            rows.delete(Tables.CART_ITEMS, s.clock, item);
            s.productRemoved(cartId, extra, 1, price);
        }
        s.step(rng);
        s.cartViewed(cartId, basket);
        long subtotal = subtotal(basket);
        if (!ordered) {
            if (rng.chance(0.35)) {
                s.step(rng);
                s.checkoutStarted(cartId, basket, subtotal);
            }
            long deleted = s.clock + parameters.operations().abandonedCartRetentionDays() * DAY;
            for (Object[] item : items) {
                rows.delete(Tables.CART_ITEMS, deleted, item);
            }
            rows.delete(Tables.CARTS, deleted, cartRow);
            return;
        }
        s.step(rng);
        s.checkoutStarted(cartId, basket, subtotal);
        Long customerId = null;
        if (p.customerId >= 0
                && !s.loggedIn
                && (p.plan == AccountPlan.AT_FIRST_ONLINE_ORDER && p.customerCreatedAt == s.start || rng.chance(0.5))) {
            s.step(rng);
            s.loggedIn = true;
            if (p.customerCreatedAt == s.start && !s.app) {
                s.alias(p.customerId);
            }
            if (!s.app) {
                s.identify(p.customer);
            }
        }
        if (s.loggedIn) {
            customerId = p.customerId;
        }
        Places.Address address = addressAt(p, s.clock);
        // Click and collect: the order ships to a store, an address many unrelated people share.
        boolean clickAndCollect = address.country().equals("GB") && rng.chance(0.05);
        if (clickAndCollect) {
            address = world.stores.near(rng, address.city()).address();
        }
        WorldParameters.Identity identity = parameters.identity();
        String email;
        String phone;
        String first;
        String last;
        if (customerId != null) {
            email = (String) p.customer.value(1);
            phone = (String) p.customer.value(2);
            first = (String) p.customer.value(3);
            last = (String) p.customer.value(4);
        } else {
            boolean placeholder = rng.chance(identity.sharedPlaceholderRate());
            email = placeholder
                    ? rng.pick(Names.PLACEHOLDER_EMAILS)
                    : maybeTypo(rng, p.secondEmail != null && rng.chance(0.3) ? p.secondEmail : p.email);
            phone = placeholder && rng.chance(0.5)
                    ? Names.PLACEHOLDER_PHONE
                    : Places.phoneVariant(rng, p.mobile, address.country());
            first = firstNameAsTyped(rng, p);
            last = rng.chance(identity.typoRate()) ? Names.typo(rng, p.lastName) : p.lastName;
            if (!s.app) {
                s.step(rng);
                s.identifyGuest(email, first, last, phone);
            }
        }
        s.step(rng);
        long orderId = world.ids.order();
        String orderNumber = "MM" + (10_000_000 + orderId);
        long shipping = subtotal >= 5000 ? 0 : 399;
        long total = subtotal + shipping;
        long orderTime = s.clock;
        Object[] order = {
            orderId,
            orderNumber,
            customerId,
            cartId,
            email,
            phone,
            first,
            last,
            address.street(),
            address.city(),
            address.postcode(),
            address.country(),
            s.app ? "app" : "web",
            "pending_payment",
            CURRENCY,
            subtotal,
            shipping,
            total,
            s.campaign == null ? null : s.campaign.name(),
            orderTime,
            orderTime
        };
        rows.insert(Tables.ORDERS, orderTime, order);
        List<Object[]> orderItems = new ArrayList<>();
        for (BasketLine line : basket) {
            Object[] item = {
                world.ids.orderItem(), orderId, line.product().id(), (long) line.quantity(), line.unitPrice(), orderTime
            };
            rows.insert(Tables.ORDER_ITEMS, orderTime, item);
            orderItems.add(item);
        }
        Object[] convertedCart = cartRow.clone();
        convertedCart[1] = customerId;
        convertedCart[4] = "converted";
        convertedCart[7] = orderTime;
        rows.update(Tables.CARTS, orderTime, convertedCart);
        truth.record(
                "shop.orders",
                orderId,
                p.id,
                customerId == null ? "guest" : "account",
                withAddress(sharedIdentifier(email, phone), clickAndCollect));
        truth.write(
                TruthWriter.TRANSACTIONS,
                p.id,
                Times.iso(orderTime),
                s.app ? "app" : "web",
                RowFormat.money(total),
                "shop:" + orderId);

        // Payment: maybe a failed attempt first; the retry (perhaps another method) succeeds.
        String method = new String[] {"card", "paypal", "gift_card"}[rng.weighted(new double[] {0.7, 0.27, 0.03})];
        long paymentTime = orderTime + 2 * SECOND;
        s.paymentInfoEntered(orderNumber, method);
        if (rng.chance(parameters.operations().paymentFailureRate())) {
            long failedId = world.ids.payment();
            String reason =
                    rng.pick(new String[] {"card_declined", "insufficient_funds", "expired_card", "fraud_suspected"});
            Object[] failed = {failedId, orderId, method, "pending", total, CURRENCY, null, paymentTime, paymentTime};
            rows.insert(Tables.PAYMENTS, paymentTime, failed);
            Object[] failedDone = failed.clone();
            failedDone[3] = "failed";
            failedDone[6] = reason;
            failedDone[8] = paymentTime + 3 * SECOND;
            rows.update(Tables.PAYMENTS, paymentTime + 3 * SECOND, failedDone);
            if (rng.chance(parameters.operations().ticketAfterFailedPaymentRate())) {
                ticket(rng, p, paymentTime + (long) (rng.uniform(0.1, 24) * HOUR), 0, orderNumber);
            }
            long budget = Math.min(s.lastEvent + 28 * MINUTE, world.deadline - 4 * SECOND) - paymentTime;
            paymentTime += Math.max(SECOND, Math.min((long) (rng.uniform(30, 300) * SECOND), budget));
            s.clock = paymentTime - SECOND;
            if (rng.chance(0.4)) {
                method = method.equals("card") ? "paypal" : "card";
            }
        }
        long paymentId = world.ids.payment();
        Object[] payment = {paymentId, orderId, method, "pending", total, CURRENCY, null, paymentTime, paymentTime};
        rows.insert(Tables.PAYMENTS, paymentTime, payment);
        long authorized = paymentTime + 2 * SECOND;
        payment = with(payment, 3, "authorized", 8, authorized);
        rows.update(Tables.PAYMENTS, authorized, payment);
        order = with(order, 13, "paid", 20, authorized);
        rows.update(Tables.ORDERS, authorized, order);
        s.clock = authorized;
        s.orderCompleted(orderNumber, basket, subtotal, shipping, total);
        s.orderNumber = orderNumber;

        // Fulfilment.
        long label = authorized + (long) (rng.uniform(2, 30) * HOUR);
        long shipped = label + (long) (rng.uniform(1, 24) * HOUR);
        long delivered = shipped + (long) (rng.uniform(1, 4) * DAY);
        long shipmentId = world.ids.shipment();
        String carrier = rng.pick(new String[] {"Royal Mail", "DPD", "Evri", "DHL"});
        Object[] shipment = {
            shipmentId,
            orderId,
            carrier,
            "MMT" + (100_000_000L + shipmentId) + "GB",
            "label_created",
            null,
            null,
            label,
            label
        };
        rows.insert(Tables.SHIPMENTS, label, shipment);
        shipment = with(shipment, 4, "shipped", 5, shipped, 8, shipped);
        rows.update(Tables.SHIPMENTS, shipped, shipment);
        payment = with(payment, 3, "captured", 8, shipped);
        rows.update(Tables.PAYMENTS, shipped, payment);
        order = with(order, 13, "shipped", 20, shipped);
        rows.update(Tables.ORDERS, shipped, order);
        shipment = with(shipment, 4, "delivered", 6, delivered, 8, delivered);
        rows.update(Tables.SHIPMENTS, delivered, shipment);
        order = with(order, 13, "delivered", 20, delivered);
        rows.update(Tables.ORDERS, delivered, order);

        // Returns.
        long refunded = 0;
        int returnedLines = 0;
        long lastRefund = delivered;
        for (int i = 0; i < basket.size(); i++) {
            BasketLine line = basket.get(i);
            double rate = parameters.operations().returnRate()
                    * line.product().category().returnMultiplier();
            if (!rng.chance(rate)) {
                continue;
            }
            long requested = delivered + (long) (rng.uniform(1, 14) * DAY);
            long received = requested + (long) (rng.uniform(2, 7) * DAY);
            long refundedAt = received + (long) (rng.uniform(0.5, 2) * DAY);
            long amount = line.unitPrice() * line.quantity();
            long returnId = world.ids.returned();
            String reason = rng.pick(
                    new String[] {"wrong_size", "damaged", "not_as_described", "changed_mind", "late_delivery"});
            Object[] returned = {
                returnId,
                orderId,
                orderItems.get(i)[0],
                (long) line.quantity(),
                reason,
                "requested",
                amount,
                requested,
                requested
            };
            rows.insert(Tables.RETURNS, requested, returned);
            returned = with(returned, 5, "received", 8, received);
            rows.update(Tables.RETURNS, received, returned);
            returned = with(returned, 5, "refunded", 8, refundedAt);
            rows.update(Tables.RETURNS, refundedAt, returned);
            refunded += amount;
            returnedLines++;
            lastRefund = Math.max(lastRefund, refundedAt);
            if (rng.chance(parameters.operations().ticketAfterReturnRate())) {
                ticket(rng, p, requested + (long) (rng.uniform(0, 3) * DAY), 1, orderNumber);
            }
        }
        if (returnedLines == basket.size()) {
            payment = with(payment, 3, "refunded", 8, lastRefund);
            rows.update(Tables.PAYMENTS, lastRefund, payment);
            order = with(order, 13, "returned", 20, lastRefund);
            rows.update(Tables.ORDERS, lastRefund, order);
        }
        if (refunded > 0 && rng.chance(0.05)) {
            ticket(rng, p, delivered + (long) (rng.uniform(0, 2) * DAY), 2, orderNumber);
        }
    }

    private static Object[] with(Object[] row, Object... indexesAndValues) {
        Object[] copy = row.clone();
        for (int i = 0; i < indexesAndValues.length; i += 2) {
            copy[(Integer) indexesAndValues[i]] = indexesAndValues[i + 1];
        }
        return copy;
    }

    static double round(double value) {
        return Math.round(value * 1_000_000) / 1_000_000.0;
    }

    /** The events of one session: Segment calls for the web, REES46 rows for the app. */
    private final class SessionContext {
        final Person person;
        final DeviceUse device;
        final String sessionId;
        final long start;
        final TrafficSource source;
        final Campaigns.Campaign campaign;
        final boolean app;
        final Rng rng;
        long clock;
        long lastEvent;
        boolean hold;
        int events;
        boolean loggedIn;
        String orderNumber;
        String currentPath;
        String referrer;

        SessionContext(
                Rng rng,
                Person person,
                DeviceUse device,
                String sessionId,
                long start,
                TrafficSource source,
                Campaigns.Campaign campaign,
                boolean app) {
            this.rng = rng;
            this.person = person;
            this.device = device;
            this.sessionId = sessionId;
            this.start = start;
            this.clock = start;
            this.lastEvent = start;
            this.source = source;
            this.campaign = campaign;
            this.app = app;
            this.referrer = switch (source) {
                case ORGANIC_SEARCH, PAID_SEARCH -> "https://www.search.example/";
                case SOCIAL -> "https://social.example/";
                case REFERRAL -> "https://blog.example/best-monster-gear";
                default -> null;
            };
        }

        /** The next step adds no time (the cart row and its first item appear together). */
        void holdNextStep() {
            hold = true;
        }

        /** Time passes between two events; never 30 minutes since the last event (that would end the session). */
        void step(Rng rng) {
            if (hold) {
                hold = false;
                return;
            }
            long gap;
            if (clock - start < 20 * MINUTE && rng.chance(0.01)) {
                gap = (long) (rng.uniform(25, 29.5) * MINUTE);
            } else if (clock - start > 20 * MINUTE) {
                gap = (long) (rng.uniform(3, 20) * SECOND);
            } else {
                gap = Math.min(20 * MINUTE, (long) (rng.exponential(1.0 / 45) * SECOND) + SECOND);
            }
            clock = Math.max(clock, Math.min(Math.min(clock + gap, lastEvent + 28 * MINUTE), world.deadline));
        }

        private Json envelope(String type, String event) {
            Json json = new Json(1600).begin().field("type", type);
            if (event != null) {
                json.field("event", event);
            }
            json.field("messageId", rng.uuid())
                    .field("timestamp", Times.iso(clock))
                    .field("anonymousId", device.anonymousId());
            if (loggedIn) {
                json.field("userId", Long.toString(person.customerId));
            }
            return json;
        }

        private void context(Json json) {
            json.begin("context")
                    .field("ip", device.ip())
                    .field("userAgent", device.userAgent())
                    .field("locale", "en-GB")
                    .begin("library")
                    .field("name", "analytics.js")
                    .field("version", "5.2.0")
                    .end()
                    .begin("page")
                    .field("path", currentPath)
                    .field("url", SITE + currentPath)
                    .field("referrer", referrer)
                    .end();
            if (campaign != null) {
                json.begin("campaign")
                        .field("name", campaign.name())
                        .field("source", campaign.source())
                        .field("medium", campaign.medium())
                        .end();
            }
            json.field("sessionId", sessionId);
            if (person.gpc) {
                json.field("gpc", true);
            }
            json.end();
        }

        private void emit(Json json) {
            context(json);
            json.end();
            world.out.segment(clock, person.gpc ? Privacy.GLOBAL_PRIVACY_CONTROL : Privacy.DEFAULT, json.toString());
            lastEvent = clock;
            events++;
        }

        private void rees46(String type, Product product, long price) {
            String messy = messy(rng)
                    ? rng.pick(new String[] {"decimal_comma", "iso_timestamp", "missing_user_session"})
                    : null;
            world.out.rees46(
                    clock,
                    messy,
                    Csv.line(
                            "iso_timestamp".equals(messy) ? Times.iso(clock) : Times.utcSeconds(clock),
                            type,
                            product.id(),
                            product.category().id(),
                            product.category().code(),
                            product.brand().toLowerCase(Locale.ROOT),
                            "decimal_comma".equals(messy)
                                    ? RowFormat.money(price).replace('.', ',')
                                    : RowFormat.money(price),
                            appUserId(person.customerId),
                            "missing_user_session".equals(messy) ? null : sessionId));
            lastEvent = clock;
            events++;
        }

        void page(String path, Product landing) {
            currentPath = path;
            if (app) {
                rees46("view", landing, landing.priceAt(clock));
                return;
            }
            Json json = envelope("page", null);
            json.field(
                    "name",
                    path.equals("/")
                            ? "Home"
                            : path.startsWith("/p/") ? "Product" : path.startsWith("/c/") ? "Category" : "Offers");
            json.begin("properties")
                    .field("path", path)
                    .field("url", SITE + path)
                    .field("referrer", referrer)
                    .field("title", "MonsterMart")
                    .end();
            emit(json);
        }

        void identify(RowTimeline customer) {
            Json json = envelope("identify", null);
            json.begin("traits")
                    .field("email", (String) customer.value(1))
                    .field("phone", (String) customer.value(2))
                    .field("firstName", (String) customer.value(3))
                    .field("lastName", (String) customer.value(4))
                    .end();
            emit(json);
        }

        void identifyGuest(String email, String first, String last, String phone) {
            Json json = envelope("identify", null);
            json.begin("traits")
                    .field("email", email)
                    .field("phone", phone)
                    .field("firstName", first)
                    .field("lastName", last)
                    .end();
            emit(json);
        }

        void alias(long customerId) {
            Json json = envelope("alias", null);
            json.field("previousId", device.anonymousId());
            emit(json);
        }

        private void product(Json json, Product product, long price, int quantity) {
            json.field("product_id", Long.toString(product.id()))
                    .field("sku", product.sku())
                    .field("category", product.category().code())
                    .field("name", product.name())
                    .field("brand", product.brand())
                    .money("price", price)
                    .field("currency", CURRENCY);
            if (quantity > 0) {
                json.field("quantity", quantity);
            }
        }

        void productViewed(Product product) {
            long price = product.priceAt(clock);
            if (app) {
                rees46("view", product, price);
                return;
            }
            currentPath = "/p/" + product.sku().toLowerCase(Locale.ROOT);
            Json json = envelope("track", "Product Viewed");
            json.begin("properties");
            product(json, product, price, 0);
            json.end();
            emit(json);
        }

        void productAdded(long cartId, Product product, int quantity, long price) {
            if (app) {
                rees46("cart", product, price);
                return;
            }
            Json json = envelope("track", "Product Added");
            json.begin("properties").field("cart_id", Long.toString(cartId));
            product(json, product, price, quantity);
            json.end();
            emit(json);
        }

        void productRemoved(long cartId, Product product, int quantity, long price) {
            if (app) {
                rees46("remove_from_cart", product, price);
                return;
            }
            Json json = envelope("track", "Product Removed");
            json.begin("properties").field("cart_id", Long.toString(cartId));
            product(json, product, price, quantity);
            json.end();
            emit(json);
        }

        void cartViewed(long cartId, List<BasketLine> basket) {
            if (app) {
                return;
            }
            currentPath = "/cart";
            Json json = envelope("track", "Cart Viewed");
            json.begin("properties").field("cart_id", Long.toString(cartId));
            products(json, basket);
            json.end();
            emit(json);
        }

        void checkoutStarted(long cartId, List<BasketLine> basket, long subtotal) {
            if (app) {
                return;
            }
            currentPath = "/checkout";
            Json experiment = envelope("track", "Experiment Viewed");
            experiment
                    .begin("properties")
                    .field("experiment_id", "checkout-redesign")
                    .field("experiment_name", "Checkout redesign")
                    .field("variation_id", person.variantB ? "B" : "A")
                    .field("variation_name", person.variantB ? "One-page checkout" : "Classic checkout")
                    .end();
            emit(experiment);
            Json json = envelope("track", "Checkout Started");
            json.begin("properties")
                    .field("cart_id", Long.toString(cartId))
                    .money("value", subtotal)
                    .field("currency", CURRENCY);
            products(json, basket);
            json.end();
            emit(json);
        }

        void paymentInfoEntered(String orderNumber, String method) {
            if (app) {
                return;
            }
            Json json = envelope("track", "Payment Info Entered");
            json.begin("properties")
                    .field("order_id", orderNumber)
                    .field("payment_method", method)
                    .end();
            emit(json);
        }

        void orderCompleted(String orderNumber, List<BasketLine> basket, long subtotal, long shipping, long total) {
            if (app) {
                for (BasketLine line : basket) {
                    for (int unit = 0; unit < line.quantity(); unit++) {
                        rees46("purchase", line.product(), line.unitPrice());
                    }
                }
                return;
            }
            currentPath = "/checkout/complete";
            Json json = envelope("track", "Order Completed");
            json.begin("properties")
                    .field("order_id", orderNumber)
                    .field("affiliation", "MonsterMart Online")
                    .money("total", total)
                    .money("subtotal", subtotal)
                    .money("revenue", subtotal)
                    .money("shipping", shipping)
                    .field("currency", CURRENCY);
            products(json, basket);
            json.end();
            emit(json);
        }

        private void products(Json json, List<BasketLine> basket) {
            json.beginArray("products");
            for (BasketLine line : basket) {
                json.begin();
                product(json, line.product(), line.unitPrice(), line.quantity());
                json.end();
            }
            json.endArray();
        }
    }

    /** The app's user id: the shop account's id (the app requires a login to the shop account). */
    public static long appUserId(long customerId) {
        return customerId;
    }
}
