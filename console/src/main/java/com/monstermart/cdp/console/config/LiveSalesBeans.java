package com.monstermart.cdp.console.config;

import com.monstermart.cdp.console.core.sales.LiveSalesFeed;
import com.monstermart.cdp.console.core.sales.LiveSalesRules;
import com.monstermart.cdp.console.core.sales.LiveSalesStatus;
import com.monstermart.cdp.console.core.sales.OrderReader;
import com.monstermart.cdp.console.core.sales.SalesBoard;
import com.monstermart.cdp.console.kafka.LiveSalesStreams;
import com.monstermart.cdp.console.kafka.LiveSalesTopology;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The live sales board, its aggregate (started with the application) and the feed that pushes it. */
@Singleton
public class LiveSalesBeans {
    private final LiveSalesConfig config;
    private final String bootstrapServers;
    private final SalesBoard board;
    private final Optional<LiveSalesStreams> streams;
    private final LiveSalesFeed feed;

    public LiveSalesBeans(
            LiveSalesConfig config, @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.config = config;
        this.bootstrapServers = bootstrapServers;
        this.board = new SalesBoard(
                config.zone(), config.currency(), config.topProducts(), config.lastHourProducts(), Clock.systemUTC());
        this.streams = config.enabled() ? Optional.of(streams()) : Optional.empty();
        this.feed = new LiveSalesFeed(
                board,
                () -> streams.map(LiveSalesStreams::status).orElse(LiveSalesStatus.DISABLED),
                config.pushInterval(),
                config.heartbeat());
    }

    private LiveSalesStreams streams() {
        OrderReader reader = new OrderReader(
                LiveSalesRules.of(config.excludedSources(), config.sameOrderSources(), config.currency()));
        String stateDirectory = config.stateDirectory()
                .orElseGet(() -> Path.of(System.getProperty("java.io.tmpdir"), "cdp-console-" + config.applicationId())
                        .toString());
        return new LiveSalesStreams(
                LiveSalesStreams.properties(
                        bootstrapServers, config.applicationId(), stateDirectory, config.commitInterval()),
                LiveSalesTopology.build(
                        config.topic(),
                        reader,
                        config.zone(),
                        config.duplicateWindow(),
                        Clock.systemUTC(),
                        board::apply),
                config.topic(),
                board);
    }

    void start(@Observes StartupEvent event) {
        streams.ifPresentOrElse(
                running -> {
                    Log.infof(
                            "Live sales: %s -> Kafka Streams %s (commit every %d ms, zone %s)",
                            config.topic(),
                            config.applicationId(),
                            config.commitInterval().toMillis(),
                            config.zone());
                    running.start();
                },
                () -> Log.info("Live sales are switched off (cdp.console.live-sales.enabled=false)"));
    }

    void stop(@Observes ShutdownEvent event) {
        feed.close();
        streams.ifPresent(LiveSalesStreams::close);
    }

    @Produces
    @Singleton
    SalesBoard board() {
        return board;
    }

    @Produces
    @Singleton
    LiveSalesFeed feed() {
        return feed;
    }
}
