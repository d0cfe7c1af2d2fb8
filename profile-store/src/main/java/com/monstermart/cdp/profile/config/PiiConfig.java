package com.monstermart.cdp.profile.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** Personal data: the vault the store decrypts through, and who may see plaintext. */
@ConfigMapping(prefix = "cdp.profile-store.pii")
public interface PiiConfig {
    /**
     * Whether to use the PII vault (keys in the {@code pii_vault} schema of the datasource). Off: every ciphertext is
     * masked for everyone and history compares ciphertexts as text.
     */
    @WithDefault("true")
    boolean vaultEnabled();

    /**
     * The local key-encryption keyset shared with the other services that use the vault (created on first use with
     * a warning). Required when the vault is enabled.
     */
    Optional<Path> kekFile();

    /** Realm roles that see plaintext when they state a purpose; every other role sees masked values. */
    @WithDefault("privacy-officer,admin")
    Set<String> revealRoles();

    /** The table name identity resolution binds into the ciphertexts of resolved events. */
    @WithDefault("cdp.resolved.events")
    String fieldTable();

    /** Whether history decrypts differing ciphertexts to tell a real change from a re-encryption. */
    @WithDefault("true")
    boolean compareDecrypted();

    /** Whether shreds from other processes are heard on Kafka at once (else the vault polls its key events). */
    @WithDefault("true")
    boolean evictionBus();
}
