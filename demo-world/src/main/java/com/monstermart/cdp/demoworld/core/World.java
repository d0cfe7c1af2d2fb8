package com.monstermart.cdp.demoworld.core;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.demoworld.DemoWorldSettings;
import com.monstermart.cdp.demoworld.WorldParameters;

/** What every household's simulation shares: the settings, the catalogue, stores, campaigns and the id sequences. */
public final class World {
    final DemoWorldSettings settings;
    final WorldParameters parameters;
    final long seed;
    final long start;
    final long end;
    /** No new session or purchase starts after this (5 minutes before the end). */
    final long horizon;
    /** Sessions still running are compressed to end by this time (10 seconds before the end). */
    final long deadline;

    final Catalogue catalogue;
    final Stores stores;
    final Campaigns campaigns;
    final Propensity propensity;
    final Ids ids = new Ids();
    final WorldOutput out;

    public World(
            DemoWorldSettings settings,
            Catalogue catalogue,
            Stores stores,
            Campaigns campaigns,
            Propensity propensity,
            WorldOutput out) {
        this.settings = requireNonNull(settings, "settings is null");
        this.parameters = settings.parameters();
        this.seed = settings.seed();
        this.start = settings.start().toEpochMilli();
        this.end = settings.end().toEpochMilli();
        this.horizon = end - 5 * Times.MINUTE;
        this.deadline = end - 10 * Times.SECOND;
        this.catalogue = requireNonNull(catalogue, "catalogue is null");
        this.stores = requireNonNull(stores, "stores is null");
        this.campaigns = requireNonNull(campaigns, "campaigns is null");
        this.propensity = requireNonNull(propensity, "propensity is null");
        this.out = requireNonNull(out, "out is null");
    }

    public long start() {
        return start;
    }

    public long end() {
        return end;
    }

    public long horizon() {
        return horizon;
    }
}
