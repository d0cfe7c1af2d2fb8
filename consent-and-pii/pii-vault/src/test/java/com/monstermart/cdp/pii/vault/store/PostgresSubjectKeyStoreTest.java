package com.monstermart.cdp.pii.vault.store;

import com.monstermart.cdp.localstack.testing.CdpStack;
import com.monstermart.cdp.localstack.testing.WithCdpStack;
import com.monstermart.cdp.pii.vault.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

@WithCdpStack("postgres")
class PostgresSubjectKeyStoreTest extends SubjectKeyStoreContractTest {
    private static TestDatabase database;

    @BeforeAll
    static void start(CdpStack stack) {
        database = TestDatabase.migrated(stack, "pii_store");
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Override
    SubjectKeyStore newStore() {
        return new PostgresSubjectKeyStore(database.dataSource());
    }
}
