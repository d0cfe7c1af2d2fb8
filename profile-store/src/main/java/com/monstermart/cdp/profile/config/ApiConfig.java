package com.monstermart.cdp.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The hot profile API. */
@ConfigMapping(prefix = "cdp.profile-store.api")
public interface ApiConfig {
    /** Recent events in a profile response. */
    @WithDefault("10")
    int profileEvents();

    /** The most events {@code /events} returns at once. */
    @WithDefault("200")
    int maximumEvents();
}
