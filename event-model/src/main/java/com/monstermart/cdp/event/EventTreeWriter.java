package com.monstermart.cdp.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fast path of {@link EventJson#toTree}: builds the tree that parsing {@link EventJson#toBytes}'s output gives,
 * without writing and parsing the text — same fields in the same order, same node classes (a number becomes what the
 * parser makes of its written text: {@code IntNode}, {@code LongNode} or {@code BigIntegerNode} for integers and for
 * decimals written without a fraction, {@code DecimalNode} of the written text otherwise). Returns null for what it is
 * not sure of — strings with surrogates, very long strings or numbers, deep nesting, values of other classes — and
 * {@link EventJson#toTree} then writes and parses as it always did. {@code EventJsonEquivalenceTest} compares both.
 */
final class EventTreeWriter {
    private static final int MAX_TEXT = 100_000;
    private static final int MAX_NUMBER_TEXT = 200;
    private static final int MAX_DEPTH = 200;
    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final JsonNodeFactory nodes;

    EventTreeWriter(JsonNodeFactory nodes) {
        this.nodes = nodes;
    }

    /** The tree, or null when the event holds something only writing and parsing gets exactly right. */
    ObjectNode tree(CanonicalEvent event) {
        try {
            return event(event);
        } catch (CannotBuild e) {
            return null;
        }
    }

    private ObjectNode event(CanonicalEvent event) {
        ObjectNode root = nodes.objectNode();
        root.set("type", nodes.textNode(event.type().wireName()));
        root.set("messageId", text(event.messageId()));
        root.set("timestamp", nodes.textNode(EventJson.iso(event.timestamp())));
        root.set("receivedAt", nodes.textNode(EventJson.iso(event.receivedAt())));
        if (event.sentAt().isPresent()) {
            root.set("sentAt", nodes.textNode(EventJson.iso(event.sentAt().get())));
        }
        optional(root, "userId", event.userId());
        optional(root, "anonymousId", event.anonymousId());
        optional(root, "previousId", event.previousId());
        optional(root, "groupId", event.groupId());
        optional(root, "event", event.event());
        optional(root, "name", event.name());
        optional(root, "category", event.category());
        if (!event.traits().isEmpty() || event.type() == EventType.IDENTIFY || event.type() == EventType.GROUP) {
            root.set("traits", value(event.traits(), 1));
        }
        if (!event.properties().isEmpty() || event.type() == EventType.TRACK || event.type() == EventType.PAGE) {
            root.set("properties", value(event.properties(), 1));
        }
        root.set("context", context(event.context()));
        ArrayNode identifiers = root.putArray("identifiers");
        for (IdentifierHint hint : event.identifiers()) {
            ObjectNode element = identifiers.addObject();
            element.set("type", nodes.textNode(hint.type().wireName()));
            element.set("namespace", text(hint.namespace()));
            element.set("value", text(hint.value()));
        }
        return root;
    }

    private ObjectNode context(EventContext context) {
        ObjectNode node = nodes.objectNode();
        ObjectNode source = node.putObject("source");
        source.set("id", text(context.source().id()));
        source.set("kind", nodes.textNode(context.source().kind().wireName()));
        source.set("position", text(context.source().position()));
        optional(node, "sessionId", context.sessionId());
        optional(node, "ip", context.ip());
        optional(node, "userAgent", context.userAgent());
        node.set("gpc", nodes.booleanNode(context.gpc()));
        if (context.page().isPresent()) {
            PageContext page = context.page().get();
            ObjectNode pageNode = node.putObject("page");
            optional(pageNode, "path", page.path());
            optional(pageNode, "referrer", page.referrer());
            optional(pageNode, "search", page.search());
            optional(pageNode, "title", page.title());
            optional(pageNode, "url", page.url());
        }
        if (context.campaign().isPresent()) {
            CampaignContext campaign = context.campaign().get();
            ObjectNode campaignNode = node.putObject("campaign");
            optional(campaignNode, "name", campaign.name());
            optional(campaignNode, "source", campaign.source());
            optional(campaignNode, "medium", campaign.medium());
            optional(campaignNode, "term", campaign.term());
            optional(campaignNode, "content", campaign.content());
        }
        if (context.library().isPresent()) {
            ObjectNode library = node.putObject("library");
            library.set("name", text(context.library().get().name()));
            library.set("version", text(context.library().get().version()));
        }
        optional(node, "locale", context.locale());
        for (Map.Entry<String, Object> extension : context.extensions().entrySet()) {
            node.set(name(extension.getKey()), value(extension.getValue(), 1));
        }
        return node;
    }

    private void optional(ObjectNode parent, String name, Optional<String> value) {
        if (value.isPresent()) {
            parent.set(name, text(value.get()));
        }
    }

    private JsonNode value(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw CannotBuild.INSTANCE;
        }
        return switch (value) {
            case null -> nodes.nullNode();
            case String text -> text(text);
            case Boolean flag -> nodes.booleanNode(flag);
            case Long number -> integer(number);
            case BigInteger number -> integer(number);
            case BigDecimal number -> decimal(number);
            case Map<?, ?> map -> {
                ObjectNode object = nodes.objectNode();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    if (!(entry.getKey() instanceof String key)) {
                        throw CannotBuild.INSTANCE;
                    }
                    object.set(name(key), value(entry.getValue(), depth + 1));
                }
                yield object;
            }
            case List<?> list -> {
                ArrayNode array = nodes.arrayNode(list.size());
                for (Object element : list) {
                    array.add(value(element, depth + 1));
                }
                yield array;
            }
            default -> throw CannotBuild.INSTANCE;
        };
    }

    /** What the parser makes of an integer's text: the smallest of int, long and big integer. */
    private JsonNode integer(long number) {
        return number == (int) number ? nodes.numberNode((int) number) : nodes.numberNode(number);
    }

    private JsonNode integer(BigInteger number) {
        if (number.bitLength() < Long.SIZE) {
            return integer(number.longValue());
        }
        if (number.bitLength() > MAX_NUMBER_TEXT * 3) {
            throw CannotBuild.INSTANCE;
        }
        return nodes.numberNode(number);
    }

    /**
     * What the parser makes of the plain text the generator writes ({@code WRITE_BIGDECIMAL_AS_PLAIN}): an integer
     * when it has no fraction digits, else the decimal of that text.
     */
    private JsonNode decimal(BigDecimal number) {
        if (number.scale() > MAX_NUMBER_TEXT
                || number.scale() < -MAX_NUMBER_TEXT
                || number.precision() > MAX_NUMBER_TEXT) {
            throw CannotBuild.INSTANCE;
        }
        if (number.scale() <= 0) {
            BigInteger integer = number.toBigIntegerExact();
            return integer(integer);
        }
        return nodes.numberNode(number);
    }

    private JsonNode text(String text) {
        return nodes.textNode(checked(text));
    }

    private static String name(String name) {
        return checked(name);
    }

    /**
     * Text without a broken surrogate pair (the writer and the parser each handle those their own way) and not very
     * long.
     */
    private static String checked(String text) {
        int length = text.length();
        if (length > MAX_TEXT) {
            throw CannotBuild.INSTANCE;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    throw CannotBuild.INSTANCE;
                }
            }
        }
        return text;
    }

    /** Thrown (without a stack trace) to leave the event to writing and parsing. */
    private static final class CannotBuild extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final CannotBuild INSTANCE = new CannotBuild();

        private CannotBuild() {
            super("not built directly", null, false, false);
        }
    }
}
