package com.monstermart.cdp.profile.config;

import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.event.IdentifierSettings;
import com.monstermart.cdp.pii.vault.PiiVaults;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.eviction.KafkaKeyEvictionBus;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import com.monstermart.cdp.pii.vault.store.PiiVaultSchema;
import com.monstermart.cdp.profile.core.ColumnType;
import com.monstermart.cdp.profile.core.EventRows;
import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import com.monstermart.cdp.profile.core.ProfileStoreTables;
import com.monstermart.cdp.profile.core.PromotedProperty;
import com.monstermart.cdp.profile.core.TraitComparator;
import com.monstermart.cdp.profile.core.pii.PiiAccessPolicy;
import com.monstermart.cdp.profile.core.pii.PiiFields;
import com.monstermart.cdp.profile.core.pii.VaultTraitComparator;
import com.monstermart.cdp.profile.iceberg.IcebergSettings;
import com.monstermart.cdp.profile.iceberg.ProfileStoreWarehouse;
import com.monstermart.cdp.profile.iceberg.TableMaintenance;
import com.monstermart.cdp.profile.kafka.TableLock;
import com.monstermart.cdp.profile.persistence.PostgresAuditLog;
import com.monstermart.cdp.profile.persistence.PostgresHotStore;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Wires the framework-free parts of the store into CDI. */
@Singleton
public class ProfileStoreBeans {
    @Produces
    @Singleton
    List<PromotedProperty> promotedProperties(IngestionConfig ingestion) {
        return ingestion.promotedProperties().entrySet().stream()
                .sorted(java.util.Map.Entry.comparingByKey())
                .map(entry -> PromotedProperty.of(entry.getKey(), ColumnType.fromConfigName(entry.getValue())))
                .toList();
    }

    @Produces
    @Singleton
    EventRows eventRows(List<PromotedProperty> promoted) {
        return new EventRows(promoted);
    }

    @Produces
    @Singleton
    ProfileStoreWarehouse warehouse(
            IcebergConfig iceberg,
            List<PromotedProperty> promoted,
            @ConfigProperty(name = "quarkus.datasource.username") String user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        ProfileStoreWarehouse warehouse = ProfileStoreWarehouse.open(
                new IcebergSettings(
                        iceberg.catalogName(),
                        iceberg.jdbcUrl(),
                        iceberg.user().orElse(user),
                        iceberg.password().or(() -> password).orElse(""),
                        iceberg.warehouse(),
                        iceberg.namespace()),
                ProfileStoreTables.all(
                        promoted.stream().map(PromotedProperty::column).toList()));
        warehouse.ensureTables();
        return warehouse;
    }

    void closeWarehouse(@Disposes ProfileStoreWarehouse warehouse) {
        warehouse.close();
    }

    /**
     * The platform's identifier normalisation for lookups by value, with the settings every service reads the same
     * way ({@code cdp.identifiers.*}, see event-model's {@code IdentifierSettings}).
     */
    @Produces
    @Singleton
    IdentifierNormaliser identifierNormaliser(Config config) {
        return new IdentifierNormaliser(
                IdentifierSettings.fromConfig(key -> config.getOptionalValue(key, String.class)));
    }

    @Produces
    @Singleton
    PostgresHotStore hotStore(DataSource dataSource, IngestionConfig ingestion) {
        return new PostgresHotStore(dataSource, ingestion.groupId());
    }

    @Produces
    @Singleton
    PostgresAuditLog auditLog(DataSource dataSource) {
        return new PostgresAuditLog(dataSource);
    }

    @Produces
    @Singleton
    TableLock tableLock() {
        return new TableLock();
    }

    @Produces
    @Singleton
    TableMaintenance tableMaintenance(MaintenanceConfig maintenance) {
        return new TableMaintenance(maintenance.targetFileBytes(), maintenance.minimumFilesToCompact());
    }

    @Produces
    @Singleton
    PiiFields piiFields(PiiConfig pii) {
        return new PiiFields(pii.fieldTable());
    }

    @Produces
    @Singleton
    PiiAccessPolicy piiAccessPolicy(PiiConfig pii) {
        return new PiiAccessPolicy(pii.revealRoles());
    }

    /** The vault, when enabled: keys in the datasource's {@code pii_vault} schema, decryptions to the audit log. */
    @Produces
    @Singleton
    Optional<PiiVault> vault(
            PiiConfig pii,
            DataSource dataSource,
            PostgresAuditLog auditLog,
            @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        if (!pii.vaultEnabled()) {
            return Optional.empty();
        }
        PiiVaultSchema.migrate(dataSource);
        PiiVaults.Builder builder = PiiVaults.builder()
                .dataSource(dataSource)
                .keyEncryptionKey(LocalKeysetKek.openOrCreate(pii.kekFile()
                        .orElseThrow(() -> new ProfileStoreException(
                                ProfileStoreErrorCode.INVALID_CONFIGURATION,
                                "cdp.profile-store.pii.kek-file is not set: point it at the key-encryption keyset the"
                                        + " other services use, or set cdp.profile-store.pii.vault-enabled=false"))))
                .auditor(auditLog);
        if (pii.evictionBus()) {
            builder.evictionBus(KafkaKeyEvictionBus.connect(bootstrapServers));
        }
        return Optional.of(builder.build());
    }

    void closeVault(@Disposes Optional<PiiVault> vault) {
        vault.ifPresent(PiiVault::close);
    }

    @Produces
    @Singleton
    TraitComparator traitComparator(PiiConfig pii, Optional<PiiVault> vault, PiiFields fields) {
        if (pii.compareDecrypted() && vault.isPresent()) {
            return new VaultTraitComparator(vault.get(), fields);
        }
        return TraitComparator.EQUALS;
    }

    @Produces
    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }
}
