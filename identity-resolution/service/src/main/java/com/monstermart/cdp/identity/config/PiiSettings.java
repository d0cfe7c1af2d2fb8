package com.monstermart.cdp.identity.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Personal data: the vault, and which event fields are encrypted. */
@ConfigMapping(prefix = "cdp.identity.pii")
public interface PiiSettings {
    /**
     * The local key-encryption keyset shared with the other services that use the vault (created on first use with
     * a warning). Required.
     */
    Optional<Path> kekFile();

    /** Whether to create the vault's schema (pii_vault) if missing; idempotent. */
    @WithDefault("true")
    boolean migrateVault();

    /** The table name bound into resolved events' ciphertexts (profile-store decrypts with the same). */
    @WithDefault("cdp.resolved.events")
    String fieldTable();

    /**
     * JSON paths of the resolved event whose values are encrypted (every string or number under a path, each as its
     * own field named by its full path, e.g. {@code traits.address.city}).
     */
    @WithDefault("traits.email,traits.phone,traits.firstName,traits.lastName,traits.name,traits.birthday,"
            + "traits.username,traits.loyaltyCard,traits.address,context.ip,context.traits,properties.email,"
            + "properties.phone,properties.shipping_address,properties.billing_address,properties.address")
    List<String> encryptedPaths();

    /** Whether shreds from other processes are heard on Kafka at once (else the vault polls its key events). */
    @WithDefault("true")
    boolean evictionBus();
}
