package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mapping rule: when its conditions hold for a row, it produces one canonical event. Value fields are
 * <em>value specs</em> (docs/guides/connector-operator.md, "Mappings"): a template string such as
 * {@code "${customer_id}"} or {@code "order-${order_id|id}"}, a constant, an object or list of value specs,
 * {@code {first-of: [...]}}, {@code {from: "${col}", map: {...}, otherwise: ...}} or
 * {@code {difference: [a, b]}} or {@code {if-absent: "${col}", then: ...}}.
 *
 * @param rule a name for the rule, used in message ids and error messages (default: its index)
 * @param operations which operations it applies to: insert, update, delete, snapshot (default: insert, update,
 *     snapshot)
 * @param where conditions on columns ({@code status: paid}, {@code status: [paid, shipped]},
 *     {@code Invoice: {matches: "C.*"}}, {@code cart.id: {present: true}}, {@code quantity: {greater-than:
 *     "${before.quantity}"}})
 * @param changed for updates: at least one of these columns must differ from the before image
 * @param type identify, track, page or alias
 * @param event the track event name (value spec); a {@code from}/{@code map} whose value is unmapped skips the
 *     row, or rejects it with {@code otherwise: reject}
 * @param userId value spec
 * @param anonymousId value spec
 * @param previousId value spec (alias)
 * @param name page name (value spec)
 * @param category page category (value spec)
 * @param timestamp when it happened (value spec; default: the source's change time, else the time received)
 * @param traits object of value specs
 * @param properties object of value specs
 * @param context object of value specs: {@code sessionId}, {@code ip}, {@code userAgent}, {@code locale},
 *     {@code page}, {@code campaign}, other keys become context extensions
 * @param identifiers typed identifiers to add
 * @param reject when set, a matching row is rejected (to the dead letters) with this reason instead of producing
 *     an event; for values no rule should accept
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventRuleSpec(
        String rule,
        List<String> operations,
        Map<String, JsonNode> where,
        List<String> changed,
        String type,
        JsonNode event,
        JsonNode userId,
        JsonNode anonymousId,
        JsonNode previousId,
        JsonNode name,
        JsonNode category,
        JsonNode timestamp,
        JsonNode traits,
        JsonNode properties,
        JsonNode context,
        List<IdentifierSpec> identifiers,
        String reject) {
    public EventRuleSpec {
        operations = operations == null ? List.of("insert", "update", "snapshot") : List.copyOf(operations);
        where = where == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(where));
        changed = changed == null ? List.of() : List.copyOf(changed);
        identifiers = identifiers == null ? List.of() : List.copyOf(identifiers);
    }
}
