package com.monstermart.cdp.identity.core.pipeline;

import com.monstermart.cdp.identity.core.golden.GoldenRecord;
import java.util.Map;
import java.util.UUID;

/** Where golden records live (in memory here; the service keeps them encrypted per subject). */
public interface ProfileTraits {
    GoldenRecord record(UUID profileId);

    void save(UUID profileId, GoldenRecord record);

    void remove(UUID profileId);

    /** Tells the store a profile was just created and has no record yet (saves a read). */
    default void prime(UUID profileId) {}

    /** Every record (batch matching). */
    Map<UUID, GoldenRecord> all();
}
