package com.monstermart.cdp.pii.vault;

import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.PiiVaultErrorCode;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.api.SubjectMerge;
import com.monstermart.cdp.pii.vault.store.InMemorySubjectKeyStore;
import com.monstermart.cdp.pii.vault.store.KeyEvent;
import com.monstermart.cdp.pii.vault.store.NewKey;
import com.monstermart.cdp.pii.vault.store.StoredKey;
import com.monstermart.cdp.pii.vault.store.SubjectKeyStore;
import com.monstermart.cdp.pii.vault.store.WrappedKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/** An in-memory key store that can be made unreachable, as a database outage would. */
final class SwitchableKeyStore implements SubjectKeyStore {
    private final InMemorySubjectKeyStore delegate = new InMemorySubjectKeyStore();
    private volatile boolean failing;

    void fail() {
        failing = true;
    }

    private SubjectKeyStore live() {
        if (failing) {
            throw new PiiVaultException(PiiVaultErrorCode.KEY_STORE_UNAVAILABLE, "The test switched the store off");
        }
        return delegate;
    }

    @Override
    public List<StoredKey> ring(SubjectId subject) {
        return live().ring(subject);
    }

    @Override
    public Map<SubjectId, List<StoredKey>> rings(Collection<SubjectId> subjects) {
        return live().rings(subjects);
    }

    @Override
    public int linkAll(Collection<SubjectMerge> merges) {
        return live().linkAll(merges);
    }

    @Override
    public List<KeyId> allocateKeyIds(int count) {
        return live().allocateKeyIds(count);
    }

    @Override
    public StoredKey insertIfAbsent(NewKey key) {
        return live().insertIfAbsent(key);
    }

    @Override
    public int insertAllIfAbsent(List<NewKey> keys) {
        return live().insertAllIfAbsent(keys);
    }

    @Override
    public KeyEvent shred(SubjectId subject, ShredRequest request) {
        return live().shred(subject, request);
    }

    @Override
    public boolean link(SubjectId surviving, SubjectId merged) {
        return live().link(surviving, merged);
    }

    @Override
    public Optional<KeyEvent> unlink(SubjectId surviving, SubjectId merged) {
        return live().unlink(surviving, merged);
    }

    @Override
    public List<KeyEvent> events(SubjectId subject, KeyEvent.Kind kind) {
        return live().events(subject, kind);
    }

    @Override
    public List<KeyEvent> eventsAfter(long sequence, int limit) {
        return live().eventsAfter(sequence, limit);
    }

    @Override
    public long lastEventSequence() {
        return live().lastEventSequence();
    }

    @Override
    public void registerKek(String kekId) {
        live().registerKek(kekId);
    }

    @Override
    public long rewrapSubjectKeys(String targetKekId, int batchSize, Function<StoredKey, WrappedKey> rewrap) {
        return live().rewrapSubjectKeys(targetKekId, batchSize, rewrap);
    }

    @Override
    public Optional<WrappedKey> indexKey(String name) {
        return live().indexKey(name);
    }

    @Override
    public WrappedKey insertIndexKeyIfAbsent(String name, WrappedKey key) {
        return live().insertIndexKeyIfAbsent(name, key);
    }

    @Override
    public long rewrapIndexKeys(String targetKekId, BiFunction<String, WrappedKey, WrappedKey> rewrap) {
        return live().rewrapIndexKeys(targetKekId, rewrap);
    }

    @Override
    public List<String> retireUnusedKeks(String keepKekId) {
        return live().retireUnusedKeks(keepKekId);
    }
}
