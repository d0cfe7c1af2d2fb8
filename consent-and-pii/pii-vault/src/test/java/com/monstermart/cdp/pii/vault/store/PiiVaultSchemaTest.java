package com.monstermart.cdp.pii.vault.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.TestDatabase;
import com.monstermart.cdp.pii.vault.TinkPiiVault;
import com.monstermart.cdp.pii.vault.Vaults;
import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithCdpStack("postgres")
class PiiVaultSchemaTest {
    @TempDir
    Path keys;

    @Test
    void migratingIsIdempotentAndSafeFromTwoProcessesAtOnce(CdpStack stack) {
        try (TestDatabase database = TestDatabase.empty(stack, "pii_schema")) {
            CompletableFuture<Void> one =
                    CompletableFuture.runAsync(() -> PiiVaultSchema.migrate(database.dataSource()));
            CompletableFuture<Void> two =
                    CompletableFuture.runAsync(() -> PiiVaultSchema.migrate(database.dataSource()));
            CompletableFuture.allOf(one, two).join();
            PiiVaultSchema.migrate(database.dataSource());

            PiiVaultSchema.verify(database.dataSource());
            assertThat(database.queryLong(
                            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'pii_vault'"))
                    .isEqualTo(5);
        }
    }

    @Test
    void verifyingAnIncompleteSchemaNamesWhatIsMissing(CdpStack stack) {
        try (TestDatabase database = TestDatabase.migrated(stack, "pii_schema_broken")) {
            database.execute("ALTER TABLE pii_vault.key_event DROP COLUMN reason");

            assertThatThrownBy(() -> PiiVaultSchema.verify(database.dataSource()))
                    .isInstanceOf(PiiVaultException.class)
                    .hasMessage(
                            "The pii_vault schema lacks pii_vault.key_event [reason]: run the migrations (Flyway location classpath:db/pii-vault, or PiiVaultSchema.migrate)")
                    .extracting(e -> ((PiiVaultException) e).code())
                    .isEqualTo(PiiVaultErrorCode.SCHEMA_MISSING);
        }
    }

    @Test
    void flywayAppliesTheMigrationsAsTheServiceWill(CdpStack stack) {
        try (TestDatabase database = TestDatabase.empty(stack, "pii_flyway")) {
            MigrateResult result = Flyway.configure()
                    .dataSource(database.dataSource())
                    .schemas(PiiVaultSchema.SCHEMA)
                    .locations(PiiVaultSchema.FLYWAY_LOCATION)
                    .load()
                    .migrate();

            assertThat(result.migrationsExecuted).isEqualTo(1);
            PiiVaultSchema.verify(database.dataSource());
            try (TinkPiiVault vault =
                    Vaults.onDatabase(database, Vaults.kek(keys, "kek")).build()) {
                SubjectId subject = SubjectId.of("flyway-subject");
                String ciphertext = vault.encryptText(subject, Vaults.EMAIL, "hello");
                assertThat(vault.reader(AccessContext.of("test", "flyway"))
                                .decrypt(subject, Vaults.EMAIL, ciphertext)
                                .textOr("?"))
                        .isEqualTo("hello");
            }
        }
    }
}
