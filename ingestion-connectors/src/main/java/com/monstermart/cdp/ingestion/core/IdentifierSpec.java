package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * An identifier a rule adds to its events.
 *
 * @param type user_id, anonymous_id, customer_id, email, phone, device_id or loyalty_card
 * @param namespace for namespaced types (default: the source's namespace)
 * @param value value spec; no identifier when it is empty
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentifierSpec(String type, String namespace, JsonNode value) {}
