package com.monstermart.cdp.pii.vault;

import com.monstermart.cdp.pii.vault.api.DecryptionAuditor;
import com.monstermart.cdp.pii.vault.api.FieldRef;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.kek.KeyEncryptionKey;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import com.monstermart.cdp.pii.vault.store.InMemorySubjectKeyStore;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** Shorthands for tests. */
public final class Vaults {
    public static final FieldRef EMAIL = FieldRef.of("profiles", "email");
    public static final FieldRef PHONE = FieldRef.of("profiles", "phone");

    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    private Vaults() {}

    /** A subject id no other test uses. */
    public static SubjectId newSubject() {
        return SubjectId.of("subject-" + ProcessHandle.current().pid() + "-" + SUBJECTS.incrementAndGet());
    }

    public static KeyEncryptionKey kek(Path directory, String name) {
        return LocalKeysetKek.openOrCreate(directory.resolve(name + ".json"));
    }

    /** A vault over a fresh in-memory store: for tests of the crypto, not of sharing. */
    public static TinkPiiVault inMemory(Path directory) {
        return PiiVaults.builder()
                .keyStore(new InMemorySubjectKeyStore())
                .keyEncryptionKey(kek(directory, "kek"))
                .auditor(DecryptionAuditor.discarding())
                .build();
    }

    public static PiiVaults.Builder onDatabase(TestDatabase database, KeyEncryptionKey kek) {
        return PiiVaults.builder()
                .dataSource(database.dataSource())
                .keyEncryptionKey(kek)
                .auditor(DecryptionAuditor.discarding());
    }
}
