package com.monstermart.cdp.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Scheduled table maintenance (also callable through {@code /api/admin/maintenance}). */
@ConfigMapping(prefix = "cdp.profile-store.maintenance")
public interface MaintenanceConfig {
    /** Whether the schedule runs (the admin API works either way). */
    @WithDefault("true")
    boolean enabled();

    /** How often small files are compacted (and row-level deletes applied). */
    @WithDefault("15m")
    String compactionEvery();

    /** How often old snapshots are expired. */
    @WithDefault("30m")
    String expiryEvery();

    /** Snapshots older than this are expired (time travel reaches this far back; erasure purges within it). */
    @WithDefault("PT1H")
    Duration snapshotRetention();

    /** Snapshots kept whatever their age. */
    @WithDefault("3")
    int retainLastSnapshots();

    /** How often orphan files are removed. */
    @WithDefault("6h")
    String orphanRemovalEvery();

    /** Unreferenced files older than this are removed (never younger than 5 minutes). */
    @WithDefault("PT1H")
    Duration orphanAge();

    /** Files smaller than 3/4 of this are compacted; rewritten files roll at this size. */
    @WithDefault("134217728")
    long targetFileBytes();

    /** A partition is compacted once it has this many small files (or any delete file). */
    @WithDefault("5")
    int minimumFilesToCompact();

    /** Recent events older than this leave the hot store (the tables keep them). */
    @WithDefault("P30D")
    Duration recentEventsRetention();
}
