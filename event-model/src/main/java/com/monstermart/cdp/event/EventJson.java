package com.monstermart.cdp.event;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes canonical events as JSON (docs/event-contract.md). Reading reports every problem at once, each
 * with its JSON path, as an {@link InvalidEventException}; unknown top-level fields are ignored so that readers
 * keep working when the contract grows.
 */
public final class EventJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final EventTreeWriter TREES = new EventTreeWriter(MAPPER.getNodeFactory());

    private EventJson() {}

    /** A copy of the mapper this codec uses (exact decimals, plain big-decimal output). */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    // ------------------------------------------------------------------------------------------------ writing

    /** The event as UTF-8 JSON. */
    public static byte[] toBytes(CanonicalEvent event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(event, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write event " + event.messageId(), e);
        }
        return out.toByteArray();
    }

    /** The event as a JSON string. */
    public static String toJson(CanonicalEvent event) {
        StringWriter out = new StringWriter(512);
        write(event, out);
        return out.toString();
    }

    /** Writes the event as JSON to a character stream. */
    public static void write(CanonicalEvent event, Writer out) {
        try (JsonGenerator generator = FACTORY.createGenerator(out)) {
            write(event, generator);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write event " + event.messageId(), e);
        }
    }

    /** The event as a JSON tree: the tree of {@link #toBytes}'s text, built without writing it (same nodes). */
    public static ObjectNode toTree(CanonicalEvent event) {
        requireNonNull(event, "event is null");
        ObjectNode tree = TREES.tree(event);
        return tree != null ? tree : toTreeViaBytes(event);
    }

    /** The tree of {@link #toBytes}'s text, by writing and parsing it (what {@link #toTree} leaves to it). */
    static ObjectNode toTreeViaBytes(CanonicalEvent event) {
        try {
            return (ObjectNode) MAPPER.readTree(toBytes(event));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the event as one JSON object to a generator (which stays open). */
    public static void write(CanonicalEvent event, JsonGenerator out) throws IOException {
        requireNonNull(event, "event is null");
        out.writeStartObject();
        out.writeStringField("type", event.type().wireName());
        out.writeStringField("messageId", event.messageId());
        out.writeStringField("timestamp", iso(event.timestamp()));
        out.writeStringField("receivedAt", iso(event.receivedAt()));
        if (event.sentAt().isPresent()) {
            out.writeStringField("sentAt", iso(event.sentAt().get()));
        }
        writeOptional(out, "userId", event.userId());
        writeOptional(out, "anonymousId", event.anonymousId());
        writeOptional(out, "previousId", event.previousId());
        writeOptional(out, "groupId", event.groupId());
        writeOptional(out, "event", event.event());
        writeOptional(out, "name", event.name());
        writeOptional(out, "category", event.category());
        if (!event.traits().isEmpty() || event.type() == EventType.IDENTIFY || event.type() == EventType.GROUP) {
            out.writeFieldName("traits");
            writeValue(out, event.traits());
        }
        if (!event.properties().isEmpty() || event.type() == EventType.TRACK || event.type() == EventType.PAGE) {
            out.writeFieldName("properties");
            writeValue(out, event.properties());
        }
        out.writeFieldName("context");
        writeContext(out, event.context());
        out.writeArrayFieldStart("identifiers");
        for (IdentifierHint hint : event.identifiers()) {
            out.writeStartObject();
            out.writeStringField("type", hint.type().wireName());
            out.writeStringField("namespace", hint.namespace());
            out.writeStringField("value", hint.value());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }

    /** The same text as {@link Instant#toString()}, several times faster (no formatter). */
    public static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < -62167219200L || seconds >= 253402300800L) {
            return instant.toString();
        }
        java.time.LocalDateTime time = java.time.LocalDateTime.ofEpochSecond(seconds, 0, java.time.ZoneOffset.UTC);
        char[] text = new char[30];
        int at = 0;
        at = digits(text, at, time.getYear(), 4);
        text[at++] = '-';
        at = digits(text, at, time.getMonthValue(), 2);
        text[at++] = '-';
        at = digits(text, at, time.getDayOfMonth(), 2);
        text[at++] = 'T';
        at = digits(text, at, time.getHour(), 2);
        text[at++] = ':';
        at = digits(text, at, time.getMinute(), 2);
        text[at++] = ':';
        at = digits(text, at, time.getSecond(), 2);
        int nano = instant.getNano();
        if (nano != 0) {
            text[at++] = '.';
            if (nano % 1_000_000 == 0) {
                at = digits(text, at, nano / 1_000_000, 3);
            } else if (nano % 1000 == 0) {
                at = digits(text, at, nano / 1000, 6);
            } else {
                at = digits(text, at, nano, 9);
            }
        }
        text[at++] = 'Z';
        return new String(text, 0, at);
    }

    private static int digits(char[] text, int at, int value, int width) {
        for (int i = width - 1; i >= 0; i--) {
            text[at + i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return at + width;
    }

    private static void writeContext(JsonGenerator out, EventContext context) throws IOException {
        out.writeStartObject();
        out.writeObjectFieldStart("source");
        out.writeStringField("id", context.source().id());
        out.writeStringField("kind", context.source().kind().wireName());
        out.writeStringField("position", context.source().position());
        out.writeEndObject();
        writeOptional(out, "sessionId", context.sessionId());
        writeOptional(out, "ip", context.ip());
        writeOptional(out, "userAgent", context.userAgent());
        out.writeBooleanField("gpc", context.gpc());
        if (context.page().isPresent()) {
            PageContext page = context.page().get();
            out.writeObjectFieldStart("page");
            writeOptional(out, "path", page.path());
            writeOptional(out, "referrer", page.referrer());
            writeOptional(out, "search", page.search());
            writeOptional(out, "title", page.title());
            writeOptional(out, "url", page.url());
            out.writeEndObject();
        }
        if (context.campaign().isPresent()) {
            CampaignContext campaign = context.campaign().get();
            out.writeObjectFieldStart("campaign");
            writeOptional(out, "name", campaign.name());
            writeOptional(out, "source", campaign.source());
            writeOptional(out, "medium", campaign.medium());
            writeOptional(out, "term", campaign.term());
            writeOptional(out, "content", campaign.content());
            out.writeEndObject();
        }
        if (context.library().isPresent()) {
            out.writeObjectFieldStart("library");
            out.writeStringField("name", context.library().get().name());
            out.writeStringField("version", context.library().get().version());
            out.writeEndObject();
        }
        writeOptional(out, "locale", context.locale());
        for (Map.Entry<String, Object> extension : context.extensions().entrySet()) {
            out.writeFieldName(extension.getKey());
            writeValue(out, extension.getValue());
        }
        out.writeEndObject();
    }

    private static void writeOptional(JsonGenerator out, String name, Optional<String> value) throws IOException {
        if (value.isPresent()) {
            out.writeStringField(name, value.get());
        }
    }

    /** Writes a normalised JSON-like value ({@link JsonValues}). */
    public static void writeValue(JsonGenerator out, Object value) throws IOException {
        switch (value) {
            case null -> out.writeNull();
            case String text -> out.writeString(text);
            case Boolean flag -> out.writeBoolean(flag);
            case Long number -> out.writeNumber(number);
            case BigDecimal number -> out.writeNumber(number);
            case BigInteger number -> out.writeNumber(number);
            case Map<?, ?> map -> {
                out.writeStartObject();
                for (Map.Entry<?, ?> entry : map.entrySet()) {
                    out.writeFieldName((String) entry.getKey());
                    writeValue(out, entry.getValue());
                }
                out.writeEndObject();
            }
            case List<?> list -> {
                out.writeStartArray();
                for (Object element : list) {
                    writeValue(out, element);
                }
                out.writeEndArray();
            }
            default -> writeValue(out, JsonValues.normalize(value, "value"));
        }
    }

    // ------------------------------------------------------------------------------------------------ reading

    /**
     * Reads an event from UTF-8 JSON.
     *
     * @throws InvalidEventException for malformed JSON (with line and column) or every broken rule
     */
    public static CanonicalEvent fromBytes(byte[] json) {
        requireNonNull(json, "json is null");
        CanonicalEvent event = StreamingEventReader.read(FACTORY, json);
        return event != null ? event : fromBytesViaTree(json);
    }

    /**
     * The tree-based reader: a JSON tree, then {@link #fromTree}. {@link #fromBytes} reads valid events without the
     * tree (same result, see {@link StreamingEventReader}) and leaves everything else — invalid or unusual documents —
     * to this one, which reports every problem.
     */
    static CanonicalEvent fromBytesViaTree(byte[] json) {
        return fromTree(parse(json));
    }

    /** Reads an event from a JSON string; see {@link #fromBytes}. */
    public static CanonicalEvent fromJson(String json) {
        return fromBytes(json.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Parses JSON into a tree with this codec's number handling.
     *
     * @throws InvalidEventException for malformed JSON, naming line and column
     */
    public static JsonNode parse(byte[] json) {
        requireNonNull(json, "json is null");
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || node.isMissingNode()) {
                throw new InvalidEventException(List.of(new ValidationProblem("$", "the body is empty")));
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidEventException(List.of(new ValidationProblem("$", malformed(e))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One line describing malformed JSON and where, without the document's content. */
    public static String malformed(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        int cut = message == null ? -1 : message.indexOf('\n');
        String summary = message == null ? "syntax error" : cut < 0 ? message : message.substring(0, cut);
        if (summary.length() > 160) {
            summary = summary.substring(0, 160) + "...";
        }
        return e.getLocation() == null
                ? "malformed JSON: " + summary
                : "malformed JSON at line %d, column %d: %s"
                        .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr(), summary);
    }

    /**
     * Reads an event from a JSON tree.
     *
     * @throws InvalidEventException listing every problem with its JSON path
     */
    public static CanonicalEvent fromTree(JsonNode root) {
        Reader reader = new Reader();
        CanonicalEvent event = reader.event(root);
        if (!reader.problems.isEmpty()) {
            throw new InvalidEventException(reader.problems);
        }
        List<ValidationProblem> problems = EventValidator.validate(event);
        if (!problems.isEmpty()) {
            throw new InvalidEventException(problems);
        }
        return event;
    }

    /**
     * Parses an ISO-8601 date-time with offset ({@code 2026-11-21T10:15:30.123Z}, {@code ...+01:00}).
     *
     * @throws DateTimeParseException when it is not one
     */
    public static Instant parseInstant(String text) {
        Instant usual = parseUsualInstant(text);
        if (usual != null) {
            return usual;
        }
        try {
            return OffsetDateTime.parse(text.strip(), DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                    .toInstant();
        } catch (DateTimeParseException e) {
            return Instant.parse(text.strip());
        }
    }

    /**
     * The usual form, {@code yyyy-MM-ddTHH:mm:ss[.f…]} then {@code Z} or {@code ±HH:MM}, read by hand (the formatter
     * costs several percent of the services' CPU); anything else — or anything invalid — returns null and goes to
     * the formatter, which parses it or says what is wrong.
     */
    private static Instant parseUsualInstant(String text) {
        int length = text.length();
        if (length < 20
                || text.charAt(4) != '-'
                || text.charAt(7) != '-'
                || text.charAt(10) != 'T'
                || text.charAt(13) != ':'
                || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 2);
        int day = digits(text, 8, 2);
        int hour = digits(text, 11, 2);
        int minute = digits(text, 14, 2);
        int second = digits(text, 17, 2);
        if (year < 0
                || month < 1
                || month > 12
                || day < 1
                || day > 31
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 59) {
            return null;
        }
        int position = 19;
        int nanos = 0;
        if (text.charAt(position) == '.') {
            int start = ++position;
            while (position < length && position - start < 9 && isDigit(text.charAt(position))) {
                nanos = nanos * 10 + (text.charAt(position) - '0');
                position++;
            }
            int fractionDigits = position - start;
            if (fractionDigits == 0 || (position < length && isDigit(text.charAt(position)))) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        }
        int offsetSeconds;
        if (position == length - 1 && text.charAt(position) == 'Z') {
            offsetSeconds = 0;
        } else if (position == length - 6
                && (text.charAt(position) == '+' || text.charAt(position) == '-')
                && text.charAt(position + 3) == ':') {
            int offsetHours = digits(text, position + 1, 2);
            int offsetMinutes = digits(text, position + 4, 2);
            if (offsetHours < 0
                    || offsetHours > 18
                    || offsetMinutes < 0
                    || offsetMinutes > 59
                    || (offsetHours == 18 && offsetMinutes > 0)) {
                return null;
            }
            offsetSeconds = (offsetHours * 3600 + offsetMinutes * 60) * (text.charAt(position) == '-' ? -1 : 1);
        } else {
            return null;
        }
        if (day > 28 && day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        long epochDay = java.time.LocalDate.of(year, month, day).toEpochDay();
        return Instant.ofEpochSecond(epochDay * 86_400 + hour * 3600L + minute * 60L + second - offsetSeconds, nanos);
    }

    /** The non-negative number of {@code count} ASCII digits at {@code start}, or -1. */
    private static int digits(String text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            char c = text.charAt(i);
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Collects problems while reading one document. */
    private static final class Reader {
        private final List<ValidationProblem> problems = new ArrayList<>();

        CanonicalEvent event(JsonNode root) {
            if (root == null || !root.isObject()) {
                problems.add(new ValidationProblem("$", "must be a JSON object"));
                return null;
            }
            EventType type = type(root.get("type"));
            String messageId = requiredText(root, "messageId", "$.messageId");
            Instant timestamp = instant(root.get("timestamp"), "$.timestamp", true);
            Instant receivedAt = instant(root.get("receivedAt"), "$.receivedAt", true);
            Instant sentAt = instant(root.get("sentAt"), "$.sentAt", false);
            Optional<String> userId = id(root.get("userId"), "$.userId");
            Optional<String> anonymousId = id(root.get("anonymousId"), "$.anonymousId");
            Optional<String> previousId = id(root.get("previousId"), "$.previousId");
            Optional<String> groupId = id(root.get("groupId"), "$.groupId");
            Optional<String> eventName = text(root.get("event"), "$.event");
            Optional<String> name = text(root.get("name"), "$.name");
            Optional<String> category = text(root.get("category"), "$.category");
            Map<String, Object> traits = object(root.get("traits"), "$.traits");
            Map<String, Object> properties = object(root.get("properties"), "$.properties");
            EventContext context = context(root.get("context"));
            List<IdentifierHint> identifiers = identifiers(root.get("identifiers"));
            if (!problems.isEmpty()) {
                return null;
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

        private EventType type(JsonNode node) {
            if (absent(node)) {
                problems.add(new ValidationProblem("$.type", "is required (identify, track, page, group or alias)"));
                return null;
            }
            if (!node.isTextual()) {
                problems.add(
                        new ValidationProblem("$.type", "must be a string: identify, track, page, group or alias"));
                return null;
            }
            Optional<EventType> type = EventType.fromWireName(node.textValue());
            if (type.isEmpty()) {
                problems.add(new ValidationProblem(
                        "$.type",
                        "'%s' is not supported; use identify, track, page, group or alias"
                                .formatted(abbreviate(node.textValue()))));
                return null;
            }
            return type.get();
        }

        private String requiredText(JsonNode parent, String field, String path) {
            JsonNode node = parent.get(field);
            if (absent(node)) {
                problems.add(new ValidationProblem(path, "is required"));
                return null;
            }
            if (!node.isTextual()) {
                problems.add(new ValidationProblem(path, "must be a string, not " + kind(node)));
                return null;
            }
            return node.textValue();
        }

        private Optional<String> text(JsonNode node, String path) {
            if (absent(node)) {
                return Optional.empty();
            }
            if (!node.isTextual()) {
                problems.add(new ValidationProblem(path, "must be a string, not " + kind(node)));
                return Optional.empty();
            }
            return Optional.of(node.textValue());
        }

        /** Ids may be sent as integers too (Segment's HTTP API accepts {@code "userId": 42}). */
        private Optional<String> id(JsonNode node, String path) {
            if (absent(node)) {
                return Optional.empty();
            }
            if (node.isIntegralNumber()) {
                return Optional.of(node.asText());
            }
            return text(node, path);
        }

        private Instant instant(JsonNode node, String path, boolean required) {
            if (absent(node)) {
                if (required) {
                    problems.add(new ValidationProblem(path, "is required (ISO-8601, e.g. 2026-11-21T10:15:30Z)"));
                }
                return null;
            }
            if (!node.isTextual()) {
                problems.add(new ValidationProblem(
                        path, "must be an ISO-8601 date-time string (e.g. 2026-11-21T10:15:30Z), not " + kind(node)));
                return null;
            }
            try {
                return parseInstant(node.textValue());
            } catch (DateTimeParseException e) {
                problems.add(new ValidationProblem(
                        path,
                        "'%s' is not an ISO-8601 date-time with offset (e.g. 2026-11-21T10:15:30Z)"
                                .formatted(abbreviate(node.textValue()))));
                return null;
            }
        }

        private Map<String, Object> object(JsonNode node, String path) {
            if (absent(node)) {
                return Map.of();
            }
            if (!node.isObject()) {
                problems.add(new ValidationProblem(path, "must be an object, not " + kind(node)));
                return Map.of();
            }
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) JsonValues.fromJson(node, path);
                return map;
            } catch (IllegalArgumentException e) {
                problems.add(new ValidationProblem(path, e.getMessage()));
                return Map.of();
            }
        }

        private EventContext context(JsonNode node) {
            if (absent(node) || !node.isObject()) {
                problems.add(new ValidationProblem(
                        "$.context", absent(node) ? "is required" : "must be an object, not " + kind(node)));
                return null;
            }
            SourceRef source = source(node.get("source"));
            Optional<String> sessionId = id(node.get("sessionId"), "$.context.sessionId");
            Optional<String> ip = text(node.get("ip"), "$.context.ip");
            Optional<String> userAgent = text(node.get("userAgent"), "$.context.userAgent");
            boolean gpc = false;
            JsonNode gpcNode = node.get("gpc");
            if (!absent(gpcNode)) {
                if (gpcNode.isBoolean()) {
                    gpc = gpcNode.booleanValue();
                } else {
                    problems.add(new ValidationProblem("$.context.gpc", "must be true or false, not " + kind(gpcNode)));
                }
            }
            Optional<PageContext> page = page(node.get("page"));
            Optional<CampaignContext> campaign = campaign(node.get("campaign"));
            Optional<LibraryContext> library = library(node.get("library"));
            Optional<String> locale = text(node.get("locale"), "$.context.locale");
            Map<String, Object> extensions = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!EventContext.NAMED_FIELDS.contains(field.getKey())) {
                    try {
                        extensions.put(
                                field.getKey(), JsonValues.fromJson(field.getValue(), "$.context." + field.getKey()));
                    } catch (IllegalArgumentException e) {
                        problems.add(new ValidationProblem("$.context." + field.getKey(), e.getMessage()));
                    }
                }
            }
            if (source == null || !problems.isEmpty()) {
                return null;
            }
            return new EventContext(source, sessionId, ip, userAgent, gpc, page, campaign, library, locale, extensions);
        }

        private SourceRef source(JsonNode node) {
            if (absent(node) || !node.isObject()) {
                problems.add(new ValidationProblem(
                        "$.context.source",
                        absent(node) ? "is required" : "must be an object with id, kind and position"));
                return null;
            }
            String id = requiredText(node, "id", "$.context.source.id");
            String kindText = requiredText(node, "kind", "$.context.source.kind");
            String position = requiredText(node, "position", "$.context.source.position");
            if (id != null && !SourceRef.isValidId(id)) {
                problems.add(new ValidationProblem(
                        "$.context.source.id",
                        "'%s' is not a source id (1-63 lower-case letters, digits and dashes)"
                                .formatted(abbreviate(id))));
                return null;
            }
            Optional<SourceKind> kind = SourceKind.fromWireName(kindText);
            if (kindText != null && kind.isEmpty()) {
                problems.add(new ValidationProblem(
                        "$.context.source.kind",
                        "'%s' is not a source kind (http, postgres, mariadb, mysql, file)"
                                .formatted(abbreviate(kindText))));
            }
            if (id == null || kind.isEmpty() || position == null) {
                return null;
            }
            return new SourceRef(id, kind.get(), position);
        }

        private Optional<PageContext> page(JsonNode node) {
            if (!objectOrAbsent(node, "$.context.page")) {
                return Optional.empty();
            }
            return Optional.of(new PageContext(
                    text(node.get("path"), "$.context.page.path"),
                    text(node.get("referrer"), "$.context.page.referrer"),
                    text(node.get("search"), "$.context.page.search"),
                    text(node.get("title"), "$.context.page.title"),
                    text(node.get("url"), "$.context.page.url")));
        }

        private Optional<CampaignContext> campaign(JsonNode node) {
            if (!objectOrAbsent(node, "$.context.campaign")) {
                return Optional.empty();
            }
            return Optional.of(new CampaignContext(
                    text(node.get("name"), "$.context.campaign.name"),
                    text(node.get("source"), "$.context.campaign.source"),
                    text(node.get("medium"), "$.context.campaign.medium"),
                    text(node.get("term"), "$.context.campaign.term"),
                    text(node.get("content"), "$.context.campaign.content")));
        }

        private Optional<LibraryContext> library(JsonNode node) {
            if (!objectOrAbsent(node, "$.context.library")) {
                return Optional.empty();
            }
            Optional<String> name = text(node.get("name"), "$.context.library.name");
            Optional<String> version = text(node.get("version"), "$.context.library.version");
            return Optional.of(new LibraryContext(name.orElse("unknown"), version.orElse("unknown")));
        }

        /** True for an object; false (and a problem for anything else) when absent or not an object. */
        private boolean objectOrAbsent(JsonNode node, String path) {
            if (absent(node)) {
                return false;
            }
            if (!node.isObject()) {
                problems.add(new ValidationProblem(path, "must be an object, not " + kind(node)));
                return false;
            }
            return true;
        }

        private List<IdentifierHint> identifiers(JsonNode node) {
            if (absent(node)) {
                return List.of();
            }
            if (!node.isArray()) {
                problems.add(new ValidationProblem("$.identifiers", "must be an array, not " + kind(node)));
                return List.of();
            }
            List<IdentifierHint> hints = new ArrayList<>(node.size());
            for (int index = 0; index < node.size(); index++) {
                String path = "$.identifiers[" + index + "]";
                JsonNode element = node.get(index);
                if (!element.isObject()) {
                    problems.add(new ValidationProblem(path, "must be an object with type, namespace and value"));
                    continue;
                }
                String typeText = requiredText(element, "type", path + ".type");
                String namespace = requiredText(element, "namespace", path + ".namespace");
                String value = requiredText(element, "value", path + ".value");
                Optional<IdentifierType> type = IdentifierType.fromWireName(typeText);
                if (typeText != null && type.isEmpty()) {
                    problems.add(new ValidationProblem(
                            path + ".type", "'%s' is not an identifier type".formatted(abbreviate(typeText))));
                }
                if (type.isPresent() && namespace != null && value != null) {
                    try {
                        hints.add(new IdentifierHint(type.get(), namespace, value));
                    } catch (IllegalArgumentException e) {
                        problems.add(new ValidationProblem(path, e.getMessage()));
                    }
                }
            }
            return hints;
        }

        private static boolean absent(JsonNode node) {
            return node == null || node.isNull() || node.isMissingNode();
        }

        private static String kind(JsonNode node) {
            return switch (node.getNodeType()) {
                case ARRAY -> "an array";
                case OBJECT, POJO -> "an object";
                case NUMBER -> "a number";
                case BOOLEAN -> "a boolean";
                case STRING -> "a string";
                default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
            };
        }

        private static String abbreviate(String text) {
            return text.length() <= 40 ? text : text.substring(0, 40) + "...";
        }
    }
}
