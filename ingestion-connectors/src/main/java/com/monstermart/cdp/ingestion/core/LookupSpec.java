package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.util.List;

/**
 * A query against the source database that enriches a change, e.g. the cart's customer for a cart item.
 *
 * @param query SQL with {@code ?} parameters
 * @param parameters templates for the parameters, in order (e.g. {@code ${cart_id}})
 * @param all whether the lookup returns every row as a list of objects (e.g. an order's items) rather than the
 *     first row as one object
 * @param cacheTtl how long a result is reused (default 0: always query; set it for data that rarely changes)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LookupSpec(String query, List<String> parameters, Boolean all, Duration cacheTtl) {
    public LookupSpec {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
        all = all != null && all;
        cacheTtl = cacheTtl == null ? Duration.ZERO : cacheTtl;
    }
}
