package com.monstermart.cdp.ingestion.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Source definitions in memory: tests and benchmarks. */
public final class InMemorySourceStore implements SourceStore {
    private final Map<String, StoredSource> sources = new ConcurrentHashMap<>();

    @Override
    public List<StoredSource> list() {
        List<StoredSource> list = new ArrayList<>(sources.values());
        list.sort(Comparator.comparing(StoredSource::id));
        return list;
    }

    @Override
    public Optional<StoredSource> find(String id) {
        return Optional.ofNullable(sources.get(id));
    }

    @Override
    public synchronized StoredSource create(StoredSource source) {
        if (sources.containsKey(source.id())) {
            throw new IngestionException(
                    ErrorCode.SOURCE_EXISTS, "Source '%s' exists already; update it instead".formatted(source.id()));
        }
        StoredSource created = new StoredSource(
                source.spec(),
                source.desiredState(),
                source.writeKeyHash(),
                source.origin(),
                source.originHash(),
                1,
                source.createdAt(),
                source.updatedAt());
        sources.put(source.id(), created);
        return created;
    }

    @Override
    public synchronized StoredSource update(StoredSource source, long expectedVersion) {
        StoredSource current = sources.get(source.id());
        if (current == null) {
            throw new IngestionException(ErrorCode.SOURCE_NOT_FOUND, "No source '%s'".formatted(source.id()));
        }
        if (current.version() != expectedVersion) {
            throw new IngestionException(
                    ErrorCode.UNSUPPORTED_OPERATION,
                    "Source '%s' changed meanwhile (version %d, not %d); read it again"
                            .formatted(source.id(), current.version(), expectedVersion));
        }
        StoredSource updated = new StoredSource(
                source.spec(),
                source.desiredState(),
                source.writeKeyHash(),
                source.origin(),
                source.originHash(),
                expectedVersion + 1,
                current.createdAt(),
                source.updatedAt());
        sources.put(source.id(), updated);
        return updated;
    }

    @Override
    public boolean delete(String id) {
        return sources.remove(id) != null;
    }
}
