package com.monstermart.cdp.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Probabilistic matching of profiles that share no identifier. */
@ConfigMapping(prefix = "cdp.identity.matching")
public interface MatchingSettings {
    /** Whether touched profiles are matched against the others in the streaming path. */
    @WithDefault("true")
    boolean enabled();

    /** Match probability at or above which profiles merge automatically. */
    @WithDefault("0.99")
    double autoMergeThreshold();

    /** Match probability at or above which (and below auto-merge) a pair goes to the review queue. */
    @WithDefault("0.80")
    double reviewThreshold();
}
