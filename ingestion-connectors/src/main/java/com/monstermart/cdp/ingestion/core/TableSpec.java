package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mapping of one captured table.
 *
 * @param lookups named queries against the source database whose results rules can use ({@code ${cart.customer_id}})
 * @param events rules; every rule whose conditions hold produces one event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TableSpec(Map<String, LookupSpec> lookups, List<EventRuleSpec> events) {
    public TableSpec {
        lookups = lookups == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(lookups));
        events = events == null ? List.of() : List.copyOf(events);
    }
}
