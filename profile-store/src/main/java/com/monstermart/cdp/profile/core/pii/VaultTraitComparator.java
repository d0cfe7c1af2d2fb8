package com.monstermart.cdp.profile.core.pii;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.pii.vault.api.AccessContext;
import com.monstermart.cdp.pii.vault.api.Ciphertexts;
import com.monstermart.cdp.pii.vault.api.Decrypted;
import com.monstermart.cdp.pii.vault.api.FieldReader;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.api.PiiVaultException;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import com.monstermart.cdp.profile.core.TraitComparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Compares trait values whose ciphertexts differ by decrypting both: two encryptions of one email are the same
 * email, and must not open a new history version. The plaintext is compared in memory and dropped; decryptions are
 * attributed to {@link #PURPOSE}. A value that cannot be decrypted (erased, or not the vault's) counts as changed.
 */
public final class VaultTraitComparator implements TraitComparator {
    /** The caller of these decryptions in the audit hook. */
    public static final String CALLER = "profile-store";
    /** Their purpose; the service counts them instead of writing an audit row each. */
    public static final String PURPOSE = "history-change-detection";

    private final FieldReader reader;
    private final PiiFields fields;

    public VaultTraitComparator(PiiVault vault, PiiFields fields) {
        this.reader = requireNonNull(vault, "vault is null").reader(AccessContext.of(CALLER, PURPOSE));
        this.fields = requireNonNull(fields, "fields is null");
    }

    @Override
    public boolean same(String profileId, String trait, Object current, Object candidate) {
        return same(SubjectId.of(profileId), "traits." + trait, current, candidate);
    }

    private boolean same(SubjectId subject, String path, Object current, Object candidate) {
        if (Objects.equals(current, candidate)) {
            return true;
        }
        if (current instanceof String left && candidate instanceof String right) {
            return Ciphertexts.looksLikeCiphertext(left)
                    && Ciphertexts.looksLikeCiphertext(right)
                    && samePlaintext(subject, path, left, right);
        }
        if (current instanceof Map<?, ?> left && candidate instanceof Map<?, ?> right) {
            if (!left.keySet().equals(right.keySet())) {
                return false;
            }
            for (Map.Entry<?, ?> entry : left.entrySet()) {
                if (!same(subject, path + "." + entry.getKey(), entry.getValue(), right.get(entry.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        if (current instanceof List<?> left && candidate instanceof List<?> right) {
            if (left.size() != right.size()) {
                return false;
            }
            Iterator<?> others = right.iterator();
            for (Object element : left) {
                if (!same(subject, path, element, others.next())) {
                    return false;
                }
            }
            return true;
        }
        return false;
    }

    private boolean samePlaintext(SubjectId subject, String path, String left, String right) {
        try {
            Decrypted first = reader.decrypt(subject, fields.field(path), left);
            Decrypted second = reader.decrypt(subject, fields.field(path), right);
            return !first.erased() && first.equals(second);
        } catch (PiiVaultException e) {
            return false;
        }
    }
}
