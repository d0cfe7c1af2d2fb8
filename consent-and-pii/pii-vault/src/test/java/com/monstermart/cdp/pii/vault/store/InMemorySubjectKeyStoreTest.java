package com.monstermart.cdp.pii.vault.store;

class InMemorySubjectKeyStoreTest extends SubjectKeyStoreContractTest {
    @Override
    SubjectKeyStore newStore() {
        return new InMemorySubjectKeyStore();
    }
}
