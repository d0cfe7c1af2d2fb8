package com.monstermart.cdp.ingestion.file;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** File states in memory: previews, benchmarks and tests. */
public final class InMemoryFileStateStore implements FileStateStore {
    private final Map<String, FileState> states = new ConcurrentHashMap<>();

    @Override
    public Optional<FileState> find(String sourceId, String fileKey) {
        return Optional.ofNullable(states.get(sourceId + "\n" + fileKey));
    }

    @Override
    public List<FileState> all(String sourceId) {
        List<FileState> result = new ArrayList<>();
        for (FileState state : states.values()) {
            if (state.sourceId().equals(sourceId)) {
                result.add(state);
            }
        }
        return result;
    }

    @Override
    public void save(FileState state) {
        states.put(state.sourceId() + "\n" + state.fileKey(), state);
    }

    @Override
    public void deleteAll(String sourceId) {
        states.keySet().removeIf(key -> key.startsWith(sourceId + "\n"));
    }
}
