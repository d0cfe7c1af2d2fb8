package com.monstermart.cdp.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** The hot profile API. */
@ConfigMapping(prefix = "cdp.profile-store.api")
public interface ApiConfig {
    /** Recent events in a profile response. */
    @WithDefault("10")
    int profileEvents();

    /** The most events {@code /events} returns at once. */
    @WithDefault("200")
    int maximumEvents();

    /**
     * Trino's URL, shown to analysts as a JDBC URL by {@code /api/admin/tables} (e.g. {@code https://127.0.0.1:18080};
     * an {@code https} URL adds {@code SSL=true}).
     */
    Optional<String> trinoUrl();
}
