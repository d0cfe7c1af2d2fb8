package com.monstermart.cdp.pii.vault.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What a key-encryption-key rotation did. Data ciphertexts are never touched: only wrapped keys change.
 *
 * @param primaryKekId the KEK every live key is now wrapped by
 * @param subjectKeysRewrapped subject keys re-wrapped by this run
 * @param indexKeysRewrapped blind index keys re-wrapped by this run
 * @param retiredKekIds KEKs that no longer wrap any key (they may be destroyed once backups made before the rotation
 *     have expired)
 */
public record KekRotationReport(
        String primaryKekId, long subjectKeysRewrapped, long indexKeysRewrapped, List<String> retiredKekIds) {
    public KekRotationReport {
        requireNonNull(primaryKekId, "primaryKekId is null");
        retiredKekIds = List.copyOf(requireNonNull(retiredKekIds, "retiredKekIds is null"));
    }
}
