package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;

/**
 * A data-quality rule run on every event of a source at ingestion.
 *
 * @param field the event field: {@code userId}, {@code event}, {@code traits.email},
 *     {@code properties.products[*].price}, {@code context.ip}, ...
 * @param required the field must be present and not empty
 * @param format {@code email}, {@code phone}, {@code country} (ISO 3166 alpha-2), {@code currency} (ISO 4217),
 *     {@code uuid}, {@code date} (ISO), {@code timestamp} (ISO)
 * @param min numbers must be at least this
 * @param max numbers must be at most this
 * @param oneOf the value must be one of these
 * @param pattern the value must match this regular expression
 * @param maxLength texts must be at most this long
 * @param events only events with these names (track) or types (identify, page, alias)
 * @param action {@code reject} (default: the event goes to the dead-letter topic) or {@code clear} (the field is
 *     removed and the event continues; counted as a data-quality error)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QualityRuleSpec(
        String field,
        Boolean required,
        String format,
        BigDecimal min,
        BigDecimal max,
        List<String> oneOf,
        String pattern,
        Integer maxLength,
        List<String> events,
        String action) {
    public QualityRuleSpec {
        required = required != null && required;
        oneOf = oneOf == null ? List.of() : List.copyOf(oneOf);
        events = events == null ? List.of() : List.copyOf(events);
        action = action == null || action.isBlank() ? "reject" : action.strip();
    }
}
