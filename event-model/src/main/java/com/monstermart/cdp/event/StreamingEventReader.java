package com.monstermart.cdp.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The fast path of {@link EventJson#fromBytes}: reads a valid event straight from Jackson's tokens into the canonical
 * record, without building a tree. It only accepts what it is sure of — one well-formed JSON object, no repeated
 * keys at any level, every field of the expected JSON type, values the contract accepts, nothing after the object —
 * and returns null for anything else, so that the tree-based reader handles it and reports exactly what it always
 * reported. For what it accepts it builds the same event as the tree-based reader, value for value (same number
 * types: {@link Long}, {@link BigInteger} beyond 64 bits, {@link java.math.BigDecimal} as the parser reads it; same
 * key order); {@code EventJsonEquivalenceTest} checks both on generated and hand-written documents.
 */
final class StreamingEventReader {
    private static final int TYPE = 1;
    private static final int MESSAGE_ID = 1 << 1;
    private static final int TIMESTAMP = 1 << 2;
    private static final int RECEIVED_AT = 1 << 3;
    private static final int SENT_AT = 1 << 4;
    private static final int USER_ID = 1 << 5;
    private static final int ANONYMOUS_ID = 1 << 6;
    private static final int PREVIOUS_ID = 1 << 7;
    private static final int EVENT = 1 << 8;
    private static final int NAME = 1 << 9;
    private static final int CATEGORY = 1 << 10;
    private static final int TRAITS = 1 << 11;
    private static final int PROPERTIES = 1 << 12;
    private static final int CONTEXT = 1 << 13;
    private static final int IDENTIFIERS = 1 << 14;
    private static final int GROUP_ID = 1 << 15;

    private StreamingEventReader() {}

    /** The event, or null when the document is anything but a plainly valid event (the caller then uses the tree). */
    static CanonicalEvent read(JsonFactory factory, byte[] json) {
        try (JsonParser parser = factory.createParser(json)) {
            CanonicalEvent event = event(parser);
            if (parser.nextToken() != null) {
                return null;
            }
            return EventValidator.validate(event).isEmpty() ? event : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static CanonicalEvent event(JsonParser parser) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw CannotStream.INSTANCE;
        }
        EventType type = null;
        String messageId = null;
        Instant timestamp = null;
        Instant receivedAt = null;
        Instant sentAt = null;
        Optional<String> userId = Optional.empty();
        Optional<String> anonymousId = Optional.empty();
        Optional<String> previousId = Optional.empty();
        Optional<String> groupId = Optional.empty();
        Optional<String> eventName = Optional.empty();
        Optional<String> name = Optional.empty();
        Optional<String> category = Optional.empty();
        Map<String, Object> traits = Map.of();
        Map<String, Object> properties = Map.of();
        EventContext context = null;
        List<IdentifierHint> identifiers = List.of();
        int seen = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            int bit =
                    switch (field) {
                        case "type" -> {
                            type = EventType.fromWireName(requiredText(parser, value))
                                    .orElseThrow(() -> CannotStream.INSTANCE);
                            yield TYPE;
                        }
                        case "messageId" -> {
                            messageId = requiredText(parser, value);
                            yield MESSAGE_ID;
                        }
                        case "timestamp" -> {
                            timestamp = EventJson.parseInstant(requiredText(parser, value));
                            yield TIMESTAMP;
                        }
                        case "receivedAt" -> {
                            receivedAt = EventJson.parseInstant(requiredText(parser, value));
                            yield RECEIVED_AT;
                        }
                        case "sentAt" -> {
                            sentAt = value == JsonToken.VALUE_NULL
                                    ? null
                                    : EventJson.parseInstant(requiredText(parser, value));
                            yield SENT_AT;
                        }
                        case "userId" -> {
                            userId = id(parser, value);
                            yield USER_ID;
                        }
                        case "anonymousId" -> {
                            anonymousId = id(parser, value);
                            yield ANONYMOUS_ID;
                        }
                        case "previousId" -> {
                            previousId = id(parser, value);
                            yield PREVIOUS_ID;
                        }
                        case "groupId" -> {
                            groupId = id(parser, value);
                            yield GROUP_ID;
                        }
                        case "event" -> {
                            eventName = text(parser, value);
                            yield EVENT;
                        }
                        case "name" -> {
                            name = text(parser, value);
                            yield NAME;
                        }
                        case "category" -> {
                            category = text(parser, value);
                            yield CATEGORY;
                        }
                        case "traits" -> {
                            traits = value == JsonToken.VALUE_NULL ? Map.of() : object(parser, value);
                            yield TRAITS;
                        }
                        case "properties" -> {
                            properties = value == JsonToken.VALUE_NULL ? Map.of() : object(parser, value);
                            yield PROPERTIES;
                        }
                        case "context" -> {
                            context = context(parser, value);
                            yield CONTEXT;
                        }
                        case "identifiers" -> {
                            identifiers = value == JsonToken.VALUE_NULL ? List.of() : identifiers(parser, value);
                            yield IDENTIFIERS;
                        }
                        default -> {
                            // ignored, but read as the tree reads it (so that what fails there fails here too)
                            value(parser, value);
                            yield 0;
                        }
                    };
            if ((seen & bit) != 0) {
                throw CannotStream.INSTANCE;
            }
            seen |= bit;
        }
        if (type == null || messageId == null || timestamp == null || receivedAt == null || context == null) {
            throw CannotStream.INSTANCE;
        }
        return new CanonicalEvent(
                type,
                messageId,
                timestamp,
                receivedAt,
                Optional.ofNullable(sentAt),
                userId,
                anonymousId,
                previousId,
                groupId,
                eventName,
                name,
                category,
                traits,
                properties,
                context,
                identifiers);
    }

    private static EventContext context(JsonParser parser, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw CannotStream.INSTANCE;
        }
        SourceRef source = null;
        Optional<String> sessionId = Optional.empty();
        Optional<String> ip = Optional.empty();
        Optional<String> userAgent = Optional.empty();
        boolean gpc = false;
        Optional<PageContext> page = Optional.empty();
        Optional<CampaignContext> campaign = Optional.empty();
        Optional<LibraryContext> library = Optional.empty();
        Optional<String> locale = Optional.empty();
        Map<String, Object> extensions = new LinkedHashMap<>();
        int seen = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            int bit =
                    switch (field) {
                        case "source" -> {
                            source = source(parser, value);
                            yield 1;
                        }
                        case "sessionId" -> {
                            sessionId = id(parser, value);
                            yield 1 << 1;
                        }
                        case "ip" -> {
                            ip = text(parser, value);
                            yield 1 << 2;
                        }
                        case "userAgent" -> {
                            userAgent = text(parser, value);
                            yield 1 << 3;
                        }
                        case "gpc" -> {
                            gpc = switch (value) {
                                case VALUE_TRUE -> true;
                                case VALUE_FALSE, VALUE_NULL -> false;
                                default -> throw CannotStream.INSTANCE;
                            };
                            yield 1 << 4;
                        }
                        case "page" -> {
                            page = value == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(page(parser, value));
                            yield 1 << 5;
                        }
                        case "campaign" -> {
                            campaign = value == JsonToken.VALUE_NULL
                                    ? Optional.empty()
                                    : Optional.of(campaign(parser, value));
                            yield 1 << 6;
                        }
                        case "library" -> {
                            library = value == JsonToken.VALUE_NULL
                                    ? Optional.empty()
                                    : Optional.of(library(parser, value));
                            yield 1 << 7;
                        }
                        case "locale" -> {
                            locale = text(parser, value);
                            yield 1 << 8;
                        }
                        default -> {
                            put(extensions, field, value(parser, value));
                            yield 0;
                        }
                    };
            if ((seen & bit) != 0) {
                throw CannotStream.INSTANCE;
            }
            seen |= bit;
        }
        if (source == null) {
            throw CannotStream.INSTANCE;
        }
        return new EventContext(source, sessionId, ip, userAgent, gpc, page, campaign, library, locale, extensions);
    }

    private static SourceRef source(JsonParser parser, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw CannotStream.INSTANCE;
        }
        String id = null;
        String kind = null;
        String position = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "id" -> id = once(id, requiredText(parser, value));
                case "kind" -> kind = once(kind, requiredText(parser, value));
                case "position" -> position = once(position, requiredText(parser, value));
                default -> value(parser, value);
            }
        }
        if (id == null || kind == null || position == null || !SourceRef.isValidId(id)) {
            throw CannotStream.INSTANCE;
        }
        return new SourceRef(id, SourceKind.fromWireName(kind).orElseThrow(() -> CannotStream.INSTANCE), position);
    }

    private static PageContext page(JsonParser parser, JsonToken start) throws IOException {
        String[] values = fiveTexts(parser, start, "path", "referrer", "search", "title", "url");
        return new PageContext(
                Optional.ofNullable(values[0]),
                Optional.ofNullable(values[1]),
                Optional.ofNullable(values[2]),
                Optional.ofNullable(values[3]),
                Optional.ofNullable(values[4]));
    }

    private static CampaignContext campaign(JsonParser parser, JsonToken start) throws IOException {
        String[] values = fiveTexts(parser, start, "name", "source", "medium", "term", "content");
        return new CampaignContext(
                Optional.ofNullable(values[0]),
                Optional.ofNullable(values[1]),
                Optional.ofNullable(values[2]),
                Optional.ofNullable(values[3]),
                Optional.ofNullable(values[4]));
    }

    private static LibraryContext library(JsonParser parser, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw CannotStream.INSTANCE;
        }
        Optional<String> name = null;
        Optional<String> version = null;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "name" -> name = once(name, text(parser, value));
                case "version" -> version = once(version, text(parser, value));
                default -> value(parser, value);
            }
        }
        return new LibraryContext(
                name == null ? "unknown" : name.orElse("unknown"),
                version == null ? "unknown" : version.orElse("unknown"));
    }

    /** The optional text fields of an object that has only those (page, campaign); null for absent or null. */
    private static String[] fiveTexts(JsonParser parser, JsonToken start, String... names) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw CannotStream.INSTANCE;
        }
        String[] values = new String[5];
        int seen = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            int index = -1;
            for (int i = 0; i < 5; i++) {
                if (names[i].equals(field)) {
                    index = i;
                    break;
                }
            }
            if (index < 0) {
                value(parser, value);
                continue;
            }
            if ((seen & (1 << index)) != 0) {
                throw CannotStream.INSTANCE;
            }
            seen |= 1 << index;
            values[index] = text(parser, value).orElse(null);
        }
        return values;
    }

    private static List<IdentifierHint> identifiers(JsonParser parser, JsonToken start) throws IOException {
        if (start != JsonToken.START_ARRAY) {
            throw CannotStream.INSTANCE;
        }
        List<IdentifierHint> hints = new ArrayList<>(4);
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            if (token != JsonToken.START_OBJECT) {
                throw CannotStream.INSTANCE;
            }
            String type = null;
            String namespace = null;
            String value = null;
            for (JsonToken inner = parser.nextToken(); inner != JsonToken.END_OBJECT; inner = parser.nextToken()) {
                String field = parser.currentName();
                JsonToken fieldValue = parser.nextToken();
                switch (field) {
                    case "type" -> type = once(type, requiredText(parser, fieldValue));
                    case "namespace" -> namespace = once(namespace, requiredText(parser, fieldValue));
                    case "value" -> value = once(value, requiredText(parser, fieldValue));
                    default -> value(parser, fieldValue);
                }
            }
            if (type == null || namespace == null || value == null) {
                throw CannotStream.INSTANCE;
            }
            // an invalid hint throws IllegalArgumentException: the tree-based reader reports it
            hints.add(new IdentifierHint(
                    IdentifierType.fromWireName(type).orElseThrow(() -> CannotStream.INSTANCE), namespace, value));
        }
        return hints;
    }

    private static <T> T once(T previous, T value) {
        if (previous != null) {
            throw CannotStream.INSTANCE;
        }
        return value;
    }

    /** A string (not null, not another type). */
    private static String requiredText(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw CannotStream.INSTANCE;
        }
        return parser.getText();
    }

    /** A string, or empty for null. */
    private static Optional<String> text(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_NULL -> Optional.empty();
            case VALUE_STRING -> Optional.of(parser.getText());
            default -> throw CannotStream.INSTANCE;
        };
    }

    /** A string or an integer as its text (as the tree's {@code asText()} writes it), or empty for null. */
    private static Optional<String> id(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.VALUE_NUMBER_INT) {
            return Optional.of(integer(parser).toString());
        }
        return text(parser, token);
    }

    private static Map<String, Object> object(JsonParser parser, JsonToken start) throws IOException {
        if (start != JsonToken.START_OBJECT) {
            throw CannotStream.INSTANCE;
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String field = parser.currentName();
            put(map, field, value(parser, parser.nextToken()));
        }
        return map;
    }

    /** Adds a key that must be new (the tree keeps a repeated key's last value at its first position: not here). */
    private static void put(Map<String, Object> map, String key, Object value) {
        int size = map.size();
        map.put(key, value);
        if (map.size() == size) {
            throw CannotStream.INSTANCE;
        }
    }

    /**
     * A JSON value as {@link JsonValues#fromJson} makes it of the tree's node: strings, booleans, null, {@link Long}
     * or {@link BigInteger} for integers, the parser's {@link java.math.BigDecimal} for other numbers, maps, lists.
     * (The event's constructor copies them into unmodifiable collections.)
     */
    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> integer(parser);
            case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_OBJECT -> object(parser, token);
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                for (JsonToken element = parser.nextToken();
                        element != JsonToken.END_ARRAY;
                        element = parser.nextToken()) {
                    list.add(value(parser, element));
                }
                yield list;
            }
            default -> throw CannotStream.INSTANCE;
        };
    }

    /** {@link Long} when it fits, else {@link BigInteger} (as the tree's {@code canConvertToLong()} decides). */
    private static Object integer(JsonParser parser) throws IOException {
        return switch (parser.getNumberType()) {
            case INT, LONG -> parser.getLongValue();
            default -> {
                BigInteger number = parser.getBigIntegerValue();
                yield number.bitLength() < Long.SIZE ? (Object) number.longValue() : number;
            }
        };
    }

    /** Thrown (without a stack trace) to leave the document to the tree-based reader. */
    private static final class CannotStream extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final CannotStream INSTANCE = new CannotStream();

        private CannotStream() {
            super("not read by the streaming reader", null, false, false);
        }
    }
}
