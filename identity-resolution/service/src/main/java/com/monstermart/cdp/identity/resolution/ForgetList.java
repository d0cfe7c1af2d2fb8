package com.monstermart.cdp.identity.resolution;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/** Blind-indexed identifiers of erased people: an event carrying one is not profiled again. */
public interface ForgetList {
    /** Which of these keys are on the list. */
    Set<String> forgotten(Collection<String> keys);

    /** Puts keys on the list (idempotent). */
    void forget(UUID profileId, Collection<String> keys, String reason);
}
