package com.monstermart.cdp.pii.vault.store;

import com.monstermart.cdp.pii.vault.api.KeyId;
import com.monstermart.cdp.pii.vault.api.ShredRequest;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.pii.vault.api.SubjectMerge;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where wrapped keys, merges and key events live. {@link PostgresSubjectKeyStore} is the real one, shared by every
 * process; {@link InMemorySubjectKeyStore} is a faithful fake for one process (tests, benchmarks). Thread-safe.
 */
public interface SubjectKeyStore {

    /** The subject's own key row (if any) first, then the rows of subjects merged into it, transitively. */
    List<StoredKey> ring(SubjectId subject);

    /**
     * {@link #ring} of many subjects in one round trip: every requested subject is a key of the result (an empty list
     * when it has no key and nothing merged into it).
     */
    default Map<SubjectId, List<StoredKey>> rings(Collection<SubjectId> subjects) {
        Map<SubjectId, List<StoredKey>> rings = new LinkedHashMap<>();
        for (SubjectId subject : subjects) {
            rings.put(subject, ring(subject));
        }
        return rings;
    }

    /** Fresh key ids, unique in this store. */
    List<KeyId> allocateKeyIds(int count);

    /**
     * Stores {@code key} unless its subject already has a row (live or shredded): of concurrent callers, exactly one
     * wins, in every process.
     *
     * @return the subject's row after the call: {@code key}'s, the winner's, or the shredded tombstone
     */
    StoredKey insertIfAbsent(NewKey key);

    /** {@link #insertIfAbsent} for many subjects in one round trip; returns how many were stored. */
    int insertAllIfAbsent(List<NewKey> keys);

    /**
     * In one transaction: makes every key of the subject's ring a tombstone (leaving a tombstone for the subject even
     * if it never had a key) and appends a shred event naming the keys destroyed by this call.
     */
    KeyEvent shred(SubjectId subject, ShredRequest request);

    /** Records a merge; returns false when it was recorded already. */
    boolean link(SubjectId surviving, SubjectId merged);

    /** {@link #link} for many merges in one statement (one transaction); returns how many were newly recorded. */
    default int linkAll(Collection<SubjectMerge> merges) {
        int recorded = 0;
        for (SubjectMerge merge : merges) {
            if (link(merge.surviving(), merge.merged())) {
                recorded++;
            }
        }
        return recorded;
    }

    /** Removes a merge and appends an unmerge event; empty when there was no such merge. */
    Optional<KeyEvent> unlink(SubjectId surviving, SubjectId merged);

    /** The subject's events of one kind, oldest first. */
    List<KeyEvent> events(SubjectId subject, KeyEvent.Kind kind);

    /** Events after {@code sequence}, in order, at most {@code limit}. */
    List<KeyEvent> eventsAfter(long sequence, int limit);

    /** The last event's sequence, 0 when there is none. */
    long lastEventSequence();

    /** Makes a KEK id known to the store (idempotent); a KEK must be registered before it wraps stored keys. */
    void registerKek(String kekId);

    /**
     * Re-wraps every live subject key not wrapped by {@code targetKekId}: {@code rewrap} returns the new wrapped key.
     * A key shredded meanwhile stays shredded.
     *
     * @return how many keys were re-wrapped
     */
    long rewrapSubjectKeys(String targetKekId, int batchSize, Function<StoredKey, WrappedKey> rewrap);

    /** The blind index key named {@code name}. */
    Optional<WrappedKey> indexKey(String name);

    /** Stores the index key unless one by that name exists; returns the stored one. */
    WrappedKey insertIndexKeyIfAbsent(String name, WrappedKey key);

    /** Re-wraps index keys not wrapped by {@code targetKekId}; {@code rewrap} gets the name and the old key. */
    long rewrapIndexKeys(String targetKekId, java.util.function.BiFunction<String, WrappedKey, WrappedKey> rewrap);

    /** Marks registered KEKs other than {@code keepKekId} that wrap nothing as retired; returns their ids. */
    List<String> retireUnusedKeks(String keepKekId);
}
