package com.monstermart.cdp.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The Live sales screen's aggregate (Kafka Streams) and its push to browsers. */
@ConfigMapping(prefix = "cdp.console.live-sales")
public interface LiveSalesConfig {
    /** Whether the aggregate runs; when off, the screen says so. */
    @WithDefault("true")
    boolean enabled();

    /** The resolved events' topic (identity resolution's output). */
    @WithDefault("cdp.resolved.events")
    String topic();

    /**
     * Kafka Streams' application id: names the consumer group, the repartition and changelog topics. Two console
     * instances with one id split the partitions between them (and each would show part of the sales): give each
     * instance its own id.
     */
    @WithDefault("cdp-console-live-sales")
    String applicationId();

    /** Where Kafka Streams keeps its local files (default: a folder under java.io.tmpdir named after the id). */
    Optional<String> stateDirectory();

    /**
     * How often Kafka Streams commits. Under exactly-once a record crosses each of the two repartition topics only
     * when its transaction commits, so this bounds the aggregate's own delay (about twice this value).
     */
    @WithDefault("200ms")
    Duration commitInterval();

    /** The business's time zone: "today" starts at its midnight. */
    @WithDefault("Europe/London")
    ZoneId zone();

    /**
     * Sources whose orders are not counted because another source records the same sales: the app's REES46 export
     * ({@code app-events}) repeats, unit by unit and under the session id, orders the shop database records.
     */
    @WithDefault("app-events")
    List<String> excludedSources();

    /**
     * Groups of sources whose order ids name the same orders, each written {@code a+b}: the web shop's tracker and
     * its database both report each web order; the first to arrive counts, the other is a duplicate.
     */
    @WithDefault("shop-web+shop-postgres")
    List<String> sameOrderSources();

    /** The currency of lines whose event names none, and the currency products are ranked by. */
    @WithDefault("GBP")
    String currency();

    /** How long an order's first source is remembered to recognise a duplicate from another source. */
    @WithDefault("3d")
    Duration duplicateWindow();

    /** Products listed for today (the best-selling ones). */
    @WithDefault("50")
    int topProducts();

    /** Products listed for the last hour (all of them up to this many). */
    @WithDefault("500")
    int lastHourProducts();

    /** The shortest time between two pushes: changes within it are sent together. */
    @WithDefault("200ms")
    Duration pushInterval();

    /** A push even without changes, this often: "last hour" moves on, idle connections stay open. */
    @WithDefault("15s")
    Duration heartbeat();
}
