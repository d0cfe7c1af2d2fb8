package com.monstermart.cdp.pii.vault.api;

/**
 * Identity resolution merged {@code merged} into {@code surviving} (see {@link PiiVault#mergeAll}).
 *
 * @param surviving the subject whose key ring then covers {@code merged}'s keys
 * @param merged the subject merged away; it keeps its own key
 */
public record SubjectMerge(SubjectId surviving, SubjectId merged) {
    public SubjectMerge {
        if (surviving == null || merged == null) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT, (surviving == null ? "surviving" : "merged") + " is null");
        }
        if (surviving.equals(merged)) {
            throw new PiiVaultException(
                    PiiVaultErrorCode.INVALID_ARGUMENT, "Cannot merge subject %s into itself".formatted(surviving));
        }
    }

    public static SubjectMerge of(SubjectId surviving, SubjectId merged) {
        return new SubjectMerge(surviving, merged);
    }
}
