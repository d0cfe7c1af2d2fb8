package com.monstermart.cdp.console.core.platform;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.console.core.ConsoleErrorCode;
import com.monstermart.cdp.console.core.ConsoleException;
import java.util.Map;
import java.util.Set;

/**
 * A customer sought by one of their identifiers. Personal values (e-mail, phone, loyalty card) travel in request
 * bodies only, never in a URL or a log; identity resolution keeps them as blind indexes. User ids are pseudonymous
 * and kept as they are, in the namespace of their source ({@code shop}: the web shop's customer numbers, {@code pos}:
 * the stores' loyalty member numbers).
 */
public record IdentifierQuery(String type, String namespace, String value) {
    /** Personal identifier types: global (docs/event-contract.md) and kept as blind indexes. */
    public static final Set<String> PERSONAL_TYPES = Set.of("email", "phone", "loyalty_card");

    /** Pseudonymous types, namespaced, with the namespace a console user most likely means. */
    public static final Map<String, String> NAMESPACED_TYPES = Map.of("user_id", "shop");

    private static final int MAXIMUM_LENGTH = 256;

    public IdentifierQuery {
        requireNonNull(type, "type is null");
        requireNonNull(namespace, "namespace is null");
        requireNonNull(value, "value is null");
    }

    /**
     * Checks a query as typed into the console.
     *
     * @throws ConsoleException {@link ConsoleErrorCode#INVALID_REQUEST} naming what is wrong (never the value)
     */
    public static IdentifierQuery of(String type, String namespace, String value) {
        String cleanType = type == null ? "" : type.strip();
        if (!PERSONAL_TYPES.contains(cleanType) && !NAMESPACED_TYPES.containsKey(cleanType)) {
            throw new ConsoleException(
                    ConsoleErrorCode.INVALID_REQUEST,
                    "Unknown identifier type '%s' (use email, phone, loyalty_card or user_id)"
                            .formatted(cleanType.length() > 40 ? cleanType.substring(0, 40) : cleanType));
        }
        String cleanValue = value == null ? "" : value.strip();
        if (cleanValue.isEmpty() || cleanValue.length() > MAXIMUM_LENGTH) {
            throw new ConsoleException(
                    ConsoleErrorCode.INVALID_REQUEST,
                    "Type the identifier's value (1 to %d characters)".formatted(MAXIMUM_LENGTH));
        }
        String cleanNamespace;
        if (PERSONAL_TYPES.contains(cleanType)) {
            cleanNamespace = "global";
        } else if (namespace == null || namespace.isBlank()) {
            cleanNamespace = NAMESPACED_TYPES.get(cleanType);
        } else {
            cleanNamespace = namespace.strip();
            if (!cleanNamespace.matches("[a-z0-9][a-z0-9-]{0,62}")) {
                throw new ConsoleException(
                        ConsoleErrorCode.INVALID_REQUEST,
                        "A namespace is lower-case letters, digits and dashes, like 'shop' or 'pos'");
            }
        }
        return new IdentifierQuery(cleanType, cleanNamespace, cleanValue);
    }

    /** Whether the value is personal, so the profile store looks it up by its blind index (computed there). */
    public boolean personal() {
        return PERSONAL_TYPES.contains(type);
    }

    @Override
    public String toString() {
        return "IdentifierQuery[" + type + "/" + namespace + "]";
    }
}
