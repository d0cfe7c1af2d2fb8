package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Combines consecutive file rows with the same key into one event, e.g. one {@code Order Completed} per invoice
 * from one row per invoice line. Rules see the first row; the items go to {@code properties.<itemsProperty>}.
 *
 * @param key template of the group key, e.g. {@code ${Invoice}}
 * @param itemsProperty property that receives the list of items (default {@code products})
 * @param item object of value specs evaluated on each row
 * @param totals properties set to the sum of {@code price × quantity} over the items (quantity defaults to 1)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GroupSpec(String key, String itemsProperty, JsonNode item, List<String> totals) {
    public GroupSpec {
        itemsProperty = itemsProperty == null || itemsProperty.isBlank() ? "products" : itemsProperty;
        totals = totals == null ? List.of() : List.copyOf(totals);
    }
}
