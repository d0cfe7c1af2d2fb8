package com.monstermart.cdp.ingestion.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** Where operators are told about failing and recovered sources. */
@ConfigMapping(prefix = "cdp.ingestion.notifications")
public interface NotificationSettings {
    /** A URL that receives each alert as a JSON POST. */
    Optional<URI> webhookUrl();

    /** Addresses that receive each alert by email (needs {@code quarkus.mailer.*}). */
    Optional<List<String>> emailTo();

    /** Sender of alert emails. */
    @WithDefault("cdp-ingestion@monstermart.example")
    String emailFrom();
}
