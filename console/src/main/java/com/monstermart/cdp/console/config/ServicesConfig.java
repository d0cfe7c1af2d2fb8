package com.monstermart.cdp.console.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/**
 * The platform services the console reads from. It calls them with the signed-in user's access token, so each applies
 * its own role rules and audits the real person.
 */
@ConfigMapping(prefix = "cdp.console.services")
public interface ServicesConfig {
    /** The ingestion service (source registry). */
    @WithDefault("http://127.0.0.1:8081")
    URI ingestion();

    /** Identity resolution (review queue). */
    @WithDefault("http://127.0.0.1:8082")
    URI identity();

    /** The profile store (profile API). */
    @WithDefault("http://127.0.0.1:8083")
    URI profiles();

    /** How long a call may take before the console reports the service as unavailable. */
    @WithDefault("10s")
    Duration timeout();
}
