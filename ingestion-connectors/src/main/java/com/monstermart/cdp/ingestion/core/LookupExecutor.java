package com.monstermart.cdp.ingestion.core;

import java.util.List;

/** Runs the lookups of a mapping against the source (see {@link LookupSpec}). */
public interface LookupExecutor {
    /** Sources without lookups. */
    LookupExecutor NONE = (name, spec, parameters) -> {
        throw new ValueException("lookup '%s' is not available for this source".formatted(name));
    };

    /**
     * The lookup's result: the first row as a map of column label to value (null when there is none), or every row
     * as a list of maps when {@link LookupSpec#all()}.
     */
    Object lookup(String name, LookupSpec spec, List<Object> parameters) throws ValueException;
}
