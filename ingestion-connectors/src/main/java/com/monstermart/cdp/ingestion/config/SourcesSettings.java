package com.monstermart.cdp.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The source registry: definition files and reconciliation. */
@ConfigMapping(prefix = "cdp.ingestion.sources")
public interface SourcesSettings {
    /**
     * Built-in definitions applied at start (resources {@code sources/<name>.yaml}): the demo shop, stores, file drop
     * and web collector. Set to {@code none} for none.
     */
    @WithDefault("shop-web,shop-postgres,pos-mariadb,app-events,marketplace-purchases,catalogue-orders,cs-tickets")
    List<String> builtin();

    /** A directory of more definition files ({@code *.yaml}), applied at start and whenever they change. */
    Optional<Path> directory();

    /** How often running connectors are brought in line with the registry (changes by other instances). */
    @WithDefault("2s")
    Duration reconcileInterval();
}
