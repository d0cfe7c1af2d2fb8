package com.monstermart.cdp.pii.vault.api;

import com.monstermart.cdp.event.BlindIndexInput;
import com.monstermart.cdp.event.CanonicalIdentifier;
import com.monstermart.cdp.event.StoredIdentifier;
import java.util.Collection;
import java.util.List;

/**
 * Every piece of personal data is encrypted with its data subject's own key; erasing a person is shredding that key.
 * One instance per process; thread-safe. Build one with {@code com.monstermart.cdp.pii.vault.PiiVaults.builder()}.
 */
public interface PiiVault extends AutoCloseable {

    /**
     * Encrypts a value of {@code subject}'s {@code field} with the subject's key, creating that key on first use.
     *
     * @return the binary ciphertext (see {@link Ciphertexts})
     * @throws PiiVaultException {@link PiiVaultErrorCode#SUBJECT_ERASED} when the subject's keys were shredded
     */
    byte[] encrypt(SubjectId subject, FieldRef field, byte[] plaintext);

    /** Encrypts UTF-8 text; returns the text form {@code v1.<base64url>} for string columns. */
    String encryptText(SubjectId subject, FieldRef field, String plaintext);

    /** A reader whose decryptions are attributed to {@code access}. */
    FieldReader reader(AccessContext access);

    /**
     * The blind index of {@code input} under the vault's index key: {@code HMAC-SHA256(index key, input.bytes())},
     * truncated to the configured length. The input comes from the identifier vocabulary
     * ({@link CanonicalIdentifier#blindIndexInput()}) or names its own label (e.g. a forget-list key).
     */
    BlindIndex blindIndex(BlindIndexInput input);

    /**
     * The stored form of a canonical identifier, as the platform stores, publishes and looks it up: the blind index
     * (base64url text) of a personal identifier, the canonical value of any other. Identity resolution, the profile
     * API and the privacy service all compute it here.
     */
    default StoredIdentifier storedForm(CanonicalIdentifier identifier) {
        if (!identifier.personal()) {
            return identifier.asStored();
        }
        return new StoredIdentifier(
                identifier.type(),
                identifier.namespace(),
                blindIndex(identifier.blindIndexInput()).text());
    }

    /**
     * Records that identity resolution merged {@code merged} into {@code surviving}: the survivor's key ring then
     * covers the merged subject's keys (and those merged into it). Each keeps its own key. Idempotent.
     */
    void merge(SubjectId surviving, SubjectId merged);

    /**
     * {@link #merge} for many pairs at once, in one statement (one transaction): what identity resolution merged in one
     * batch. Order does not matter (a ring covers the subjects merged into it, transitively); pairs recorded before are
     * skipped. Idempotent.
     *
     * @return how many merges were newly recorded
     */
    default int mergeAll(Collection<SubjectMerge> merges) {
        int recorded = 0;
        for (SubjectMerge merge : merges) {
            merge(merge.surviving(), merge.merged());
            recorded++;
        }
        return recorded;
    }

    /** Undoes {@link #merge}: the survivor's ring no longer covers {@code merged}'s keys, in every process. */
    void unmerge(SubjectId surviving, SubjectId merged);

    /**
     * Destroys every key in {@code subject}'s ring (its own and those of subjects merged into it) in one transaction,
     * records who, when, why and which keys, and evicts them from every process's cache. Afterwards each of their
     * ciphertexts decrypts to {@link Decrypted.Erased} and the subject gets no new key. Idempotent.
     */
    ShredReceipt shred(SubjectId subject, ShredRequest request);

    /** Every shred request recorded for {@code subject}, oldest first. */
    List<ShredReceipt> shredHistory(SubjectId subject);

    /** The keys of {@code subject}'s ring and their state (no key material). */
    KeyRingStatus keyRing(SubjectId subject);

    /**
     * Creates keys for many subjects at once (backfills); subjects that have a key, or were erased, are skipped.
     *
     * @return how many keys were created
     */
    int createKeys(Collection<SubjectId> subjects);

    /**
     * Gets many subjects ready for encryption at once (the subjects of one batch): their key rings are read in one
     * round trip, keys are created in one statement for those that have none (exactly one key per subject survives
     * concurrent first uses, as with {@link #encrypt}), and the rings are cached, so that encrypting for these
     * subjects next makes no key store round trip while the cache keeps them. Erased subjects get no key: encrypting
     * for them still fails with {@link PiiVaultErrorCode#SUBJECT_ERASED}.
     *
     * @return how many keys were created
     */
    default int prepareKeys(Collection<SubjectId> subjects) {
        return createKeys(subjects);
    }

    /**
     * Re-wraps every live subject key and index key with the primary key-encryption key. Data is not touched. Run it
     * after making a new KEK primary while the old one is still configured as a previous KEK.
     */
    KekRotationReport rotateKeyEncryptionKey();

    /** Stops background work (event polling, eviction bus); cached keys are dropped. */
    @Override
    void close();
}
