package com.monstermart.cdp.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/**
 * Deterministic resolution: the initial rules and source priorities. Identifier normalisation (the phone region) is
 * the platform's {@code cdp.identifiers.*}, event-model's {@code IdentifierSettings}.
 */
@ConfigMapping(prefix = "cdp.identity.resolution")
public interface ResolutionSettings {
    /**
     * Rules stored on first start, in the rules format ({@code cdp.identity.resolution.rules."email.max-per-profile"=5});
     * unset keys keep the defaults. Later changes go through the rules API (dry run, apply).
     */
    Map<String, String> rules();

    /** Sources in survivorship priority order for names (most trusted first), by {@code context.source.id}. */
    @WithDefault("shop-db,shop,pos-db,pos,files,shop-web")
    List<String> trustedSources();
}
