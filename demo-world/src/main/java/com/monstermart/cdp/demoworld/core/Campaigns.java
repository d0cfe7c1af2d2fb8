package com.monstermart.cdp.demoworld.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Marketing campaigns: weekly newsletters, always-on search and social, and seasonal pushes. */
public final class Campaigns {
    /** A campaign as UTM parameters carry it. */
    public record Campaign(String name, String source, String medium, long from, long until) {}

    private final List<Campaign> campaigns;

    private Campaigns(List<Campaign> campaigns) {
        this.campaigns = List.copyOf(campaigns);
    }

    public static Campaigns generate(long start, long end) {
        List<Campaign> campaigns = new ArrayList<>();
        for (long week = Times.startOfDay(start); week < end; week += 7 * Times.DAY) {
            LocalDate date = Times.date(week);
            campaigns.add(new Campaign("newsletter-" + date, "newsletter", "email", week, week + 7 * Times.DAY));
        }
        campaigns.add(new Campaign("brand-search", "search-ads", "cpc", start, end));
        campaigns.add(new Campaign("monster-finds", "social-ads", "paid-social", start, end));
        for (int year = Times.date(start).getYear(); year <= Times.date(end).getYear(); year++) {
            seasonal(campaigns, "halloween-" + year, LocalDate.of(year, 10, 1), LocalDate.of(year, 11, 1), start, end);
            seasonal(
                    campaigns,
                    "black-friday-" + year,
                    LocalDate.of(year, 11, 20),
                    LocalDate.of(year, 12, 2),
                    start,
                    end);
            seasonal(
                    campaigns, "summer-sale-" + year, LocalDate.of(year, 6, 20), LocalDate.of(year, 7, 20), start, end);
        }
        return new Campaigns(campaigns);
    }

    private static void seasonal(
            List<Campaign> campaigns, String name, LocalDate from, LocalDate until, long start, long end) {
        long fromMillis = from.toEpochDay() * Times.DAY;
        long untilMillis = until.toEpochDay() * Times.DAY;
        if (untilMillis > start && fromMillis < end) {
            campaigns.add(new Campaign(name, "social-ads", "paid-social", fromMillis, untilMillis));
            campaigns.add(new Campaign(name, "search-ads", "cpc", fromMillis, untilMillis));
        }
    }

    public List<Campaign> all() {
        return campaigns;
    }

    /** The campaign a session from this traffic source belongs to, or null for unpaid traffic. */
    public Campaign forSession(Rng rng, Propensity.TrafficSource source, long time) {
        String medium =
                switch (source) {
                    case EMAIL -> "email";
                    case PAID_SEARCH -> "cpc";
                    case SOCIAL -> rng.chance(0.6) ? "paid-social" : null;
                    default -> null;
                };
        if (medium == null) {
            return null;
        }
        List<Campaign> active = campaigns.stream()
                .filter(c -> c.medium().equals(medium) && c.from() <= time && time < c.until())
                .toList();
        if (active.isEmpty()) {
            return null;
        }
        // Seasonal campaigns win over always-on ones half the time.
        return active.size() > 1 && rng.chance(0.5) ? active.get(active.size() - 1) : active.get(0);
    }
}
