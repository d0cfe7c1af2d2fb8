package com.monstermart.cdp.identity.core.pipeline;

import com.monstermart.cdp.identity.core.golden.GoldenRecord;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** Golden records in memory. */
public final class InMemoryProfileTraits implements ProfileTraits {
    private final Map<UUID, GoldenRecord> records = new ConcurrentHashMap<>();

    @Override
    public GoldenRecord record(UUID profileId) {
        return records.getOrDefault(profileId, GoldenRecord.empty());
    }

    @Override
    public void save(UUID profileId, GoldenRecord record) {
        records.put(profileId, record);
    }

    @Override
    public void remove(UUID profileId) {
        records.remove(profileId);
    }

    @Override
    public Map<UUID, GoldenRecord> all() {
        return Map.copyOf(records);
    }
}
