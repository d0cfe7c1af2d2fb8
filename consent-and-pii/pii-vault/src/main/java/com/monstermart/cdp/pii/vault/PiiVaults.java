package com.monstermart.cdp.pii.vault;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.eviction.KeyEvictionBus;
import com.monstermart.cdp.pii.vault.kek.KekRing;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import com.monstermart.cdp.pii.vault.kek.TinkSetup;
import com.monstermart.cdp.pii.vault.store.PiiVaultSchema;
import com.monstermart.cdp.pii.vault.store.PostgresSubjectKeyStore;
import com.monstermart.cdp.pii.vault.store.SubjectKeyStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Builds a vault:
 *
 * <pre>{@code
 * PiiVault vault = PiiVaults.builder()
 *         .dataSource(pooledDataSource)                     // schema pii_vault, migrated
 *         .keyEncryptionKey(LocalKeysetKek.openOrCreate(path))
 *         .evictionBus(KafkaKeyEvictionBus.connect(bootstrapServers))
 *         .auditor(event -> auditLog.append(event))
 *         .build();
 * }</pre>
 */
public final class PiiVaults {
    private PiiVaults() {}

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private SubjectKeyStore store;
        private KeyEncryptionKey primary;
        private final List<KeyEncryptionKey> previous = new ArrayList<>();
        private KeyEvictionBus bus = KeyEvictionBus.none();
        private DecryptionAuditor auditor;
        private PiiVaultSettings settings = PiiVaultSettings.defaults();
        private Clock clock = Clock.systemUTC();

        private Builder() {}

        /** The PostgreSQL key store; the schema must be migrated (checked at build). Give a connection pool. */
        public Builder dataSource(DataSource dataSource) {
            requireNonNull(dataSource, "dataSource is null");
            PiiVaultSchema.verify(dataSource);
            this.store = new PostgresSubjectKeyStore(dataSource);
            return this;
        }

        /** Any key store, for example {@link com.monstermart.cdp.pii.vault.store.InMemorySubjectKeyStore}. */
        public Builder keyStore(SubjectKeyStore store) {
            this.store = requireNonNull(store, "store is null");
            return this;
        }

        /** The primary KEK: wraps every new key. */
        public Builder keyEncryptionKey(KeyEncryptionKey kek) {
            this.primary = requireNonNull(kek, "kek is null");
            return this;
        }

        /** KEKs that only unwrap (keys not yet re-wrapped by a rotation). */
        public Builder previousKeyEncryptionKeys(List<KeyEncryptionKey> keks) {
            previous.addAll(requireNonNull(keks, "keks is null"));
            return this;
        }

        /** How shreds reach other processes quickly; default none (the key event poll alone). The vault closes it. */
        public Builder evictionBus(KeyEvictionBus bus) {
            this.bus = requireNonNull(bus, "bus is null");
            return this;
        }

        /** Receives every decryption attempt. Required: use {@link DecryptionAuditor#discarding()} deliberately. */
        public Builder auditor(DecryptionAuditor auditor) {
            this.auditor = requireNonNull(auditor, "auditor is null");
            return this;
        }

        public Builder settings(PiiVaultSettings settings) {
            this.settings = requireNonNull(settings, "settings is null");
            return this;
        }

        /** The clock of decryption events (tests). */
        public Builder clock(Clock clock) {
            this.clock = requireNonNull(clock, "clock is null");
            return this;
        }

        public TinkPiiVault build() {
            if (store == null) {
                throw missing("a key store: call dataSource(...) or keyStore(...)");
            }
            if (primary == null) {
                throw missing("a key-encryption key: call keyEncryptionKey(...)");
            }
            if (auditor == null) {
                throw missing("a decryption auditor: call auditor(...)");
            }
            TinkSetup.register();
            return new TinkPiiVault(store, new KekRing(primary, previous), bus, auditor, settings, clock);
        }

        private static PiiVaultException missing(String what) {
            return new PiiVaultException(PiiVaultErrorCode.INVALID_ARGUMENT, "The vault needs " + what);
        }
    }
}
