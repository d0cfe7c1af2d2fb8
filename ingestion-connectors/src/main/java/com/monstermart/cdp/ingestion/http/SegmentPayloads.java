package com.monstermart.cdp.ingestion.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.EventValidator;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.IdentifierHints;
import com.monstermart.cdp.event.InvalidEventException;
import com.monstermart.cdp.event.MessageIds;
import com.monstermart.cdp.event.ValidationProblem;
import com.monstermart.cdp.ingestion.core.QualityChecker;
import com.monstermart.cdp.ingestion.core.SourceIdentity;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns calls of Segment's HTTP Tracking API into canonical events (framework-free; the REST resource is a thin
 * shell). Follows Segment's semantics: the six calls of the spec (identify, track, page, screen, group, alias),
 * {@code type} from the path for single calls, batch-level {@code context} merged under each event's, {@code screen}
 * treated as {@code page}, a missing {@code timestamp} set to the time received, clock skew corrected with
 * {@code sentAt}, {@code writeKey} accepted in the body. The client's {@code messageId} is scoped by source into a
 * stable id, so retries deduplicate downstream. A group call's traits describe the group, so they give no identifier
 * hints (its {@code email} is not the customer's).
 */
public final class SegmentPayloads {
    private final int maxEventBytes;
    private final boolean correctClockSkew;

    public SegmentPayloads(int maxEventBytes, boolean correctClockSkew) {
        this.maxEventBytes = maxEventBytes;
        this.correctClockSkew = correctClockSkew;
    }

    /**
     * What the collector knows about a call besides its body.
     *
     * @param requestId id of the HTTP request (positions, dead letters)
     * @param receivedAt when it arrived
     * @param ip the client's address
     * @param userAgent the {@code User-Agent} header
     * @param globalPrivacyControl whether the call carried {@code Sec-GPC: 1}
     */
    public record Call(
            String requestId, Instant receivedAt, String ip, String userAgent, boolean globalPrivacyControl) {
        public Call {
            requireNonNull(requestId, "requestId is null");
            requireNonNull(receivedAt, "receivedAt is null");
        }
    }

    /**
     * An input event that could not be accepted.
     *
     * @param index its index in the batch (0 for a single call)
     * @param messageId the client's {@code messageId}, if it sent one as a string
     * @param position {@code request=<id> index=<n>}
     * @param problems what is wrong, paths from the request body's root
     * @param payload the event as received
     * @param oversize whether it was refused for its size
     */
    public record Rejected(
            int index,
            Optional<String> messageId,
            String position,
            List<ValidationProblem> problems,
            String payload,
            boolean oversize) {
        public Rejected {
            requireNonNull(messageId, "messageId is null");
            requireNonNull(position, "position is null");
            problems = List.copyOf(requireNonNull(problems, "problems is null"));
            requireNonNull(payload, "payload is null");
        }

        /** One line saying why: the dead letter's reason. */
        public String reason() {
            return DeadLetter.reason(problems);
        }
    }

    /**
     * The accepted events and the rejected inputs of one call.
     *
     * @param events the events to write
     * @param rejected the inputs that go to the dead letters
     * @param unreadable whether the request as a whole could not be read (a batch body without a {@code batch}
     *     array): then {@code rejected} holds the whole body and there is no call to answer for one by one
     */
    public record Result(List<CanonicalEvent> events, List<Rejected> rejected, boolean unreadable) {
        public Result {
            events = List.copyOf(requireNonNull(events, "events is null"));
            rejected = List.copyOf(requireNonNull(rejected, "rejected is null"));
        }

        public boolean oversize() {
            return rejected.stream().anyMatch(Rejected::oversize);
        }

        public List<ValidationProblem> problems() {
            return rejected.stream()
                    .flatMap(rejected -> rejected.problems().stream())
                    .toList();
        }
    }

    /** The {@code writeKey} in a body (batch level first, then the first event's); empty when there is none. */
    public static Optional<String> writeKey(JsonNode body) {
        if (body == null || !body.isObject()) {
            return Optional.empty();
        }
        JsonNode key = body.get("writeKey");
        if (key != null && key.isTextual() && !key.textValue().isBlank()) {
            return Optional.of(key.textValue());
        }
        JsonNode batch = body.get("batch");
        if (batch != null && batch.isArray() && !batch.isEmpty() && batch.get(0).isObject()) {
            return writeKey(batch.get(0));
        }
        return Optional.empty();
    }

    /**
     * One call of {@code /v1/identify}, {@code /v1/track}, {@code /v1/page}, {@code /v1/screen}, {@code /v1/group},
     * {@code /v1/alias} (or their short forms).
     */
    public Result single(String pathType, JsonNode body, SourceIdentity source, QualityChecker quality, Call call) {
        List<CanonicalEvent> events = new ArrayList<>(1);
        List<Rejected> rejected = new ArrayList<>();
        String payload = body.toString();
        if (!body.isObject()) {
            rejected.add(new Rejected(
                    0,
                    Optional.empty(),
                    position(call, 0),
                    List.of(new ValidationProblem("$", "must be a JSON object")),
                    payload,
                    false));
            return new Result(events, rejected, false);
        }
        convert((ObjectNode) body.deepCopy(), payload, pathType, null, 0, "$", source, quality, call, events, rejected);
        return new Result(events, rejected, false);
    }

    /** One call of {@code /v1/batch} (or {@code /v1/import}). */
    public Result batch(JsonNode body, SourceIdentity source, QualityChecker quality, Call call) {
        List<CanonicalEvent> events = new ArrayList<>();
        List<Rejected> rejected = new ArrayList<>();
        JsonNode batch = body.isObject() ? body.get("batch") : null;
        if (batch == null || !batch.isArray()) {
            rejected.add(new Rejected(
                    0,
                    Optional.empty(),
                    position(call, 0),
                    List.of(new ValidationProblem(
                            "$.batch",
                            batch == null ? "is required (an array of events)" : "must be an array of events")),
                    body.toString(),
                    false));
            return new Result(events, rejected, true);
        }
        ObjectNode shared = body.get("context") instanceof ObjectNode context ? context : null;
        JsonNode sentAt = body.get("sentAt");
        for (int index = 0; index < batch.size(); index++) {
            JsonNode element = batch.get(index);
            String path = "$.batch[" + index + "]";
            String payload = element.toString();
            if (!element.isObject()) {
                rejected.add(new Rejected(
                        index,
                        Optional.empty(),
                        position(call, index),
                        List.of(new ValidationProblem(path, "must be a JSON object")),
                        payload,
                        false));
                continue;
            }
            ObjectNode event = (ObjectNode) element.deepCopy();
            if (!event.has("sentAt") && sentAt != null) {
                event.set("sentAt", sentAt);
            }
            convert(event, payload, null, shared, index, path, source, quality, call, events, rejected);
        }
        return new Result(events, rejected, false);
    }

    private void convert(
            ObjectNode event,
            String payload,
            String pathType,
            ObjectNode sharedContext,
            int index,
            String path,
            SourceIdentity source,
            QualityChecker quality,
            Call call,
            List<CanonicalEvent> events,
            List<Rejected> rejected) {
        String position = position(call, index);
        Optional<String> clientMessageId = Optional.ofNullable(textOrNull(event.get("messageId")));
        int size = payload.getBytes(StandardCharsets.UTF_8).length;
        if (size > maxEventBytes) {
            rejected.add(new Rejected(
                    index,
                    clientMessageId,
                    position,
                    List.of(new ValidationProblem(
                            path,
                            "has %d bytes; a call may have at most %d bytes (%d KB, Segment's limit per call)"
                                    .formatted(size, maxEventBytes, maxEventBytes / 1024))),
                    payload,
                    true));
            return;
        }
        List<ValidationProblem> problems = new ArrayList<>();
        String type = pathType != null ? pathType : textOrNull(event.get("type"));
        if (type != null && type.equalsIgnoreCase("screen")) {
            type = "page";
        }
        if (type != null && EventType.fromWireName(type).isEmpty()) {
            problems.add(new ValidationProblem(
                    path + ".type",
                    "'%s' is not supported; use identify, track, page, screen, group or alias"
                            .formatted(type.length() > 40 ? type.substring(0, 40) + "..." : type)));
        }
        if (type != null) {
            event.put("type", type.toLowerCase(java.util.Locale.ROOT));
        }
        JsonNode clientId = event.get("messageId");
        if (clientId != null && !clientId.isNull() && !clientId.isTextual()) {
            problems.add(new ValidationProblem(path + ".messageId", "must be a string"));
        }
        event.put(
                "messageId",
                clientId != null
                                && clientId.isTextual()
                                && !clientId.textValue().isBlank()
                        ? MessageIds.derived(source.id(), "http/" + clientId.textValue())
                        : MessageIds.random());
        event.put("receivedAt", call.receivedAt().toString());
        Instant timestamp = instant(event, "timestamp", path, problems);
        if (timestamp == null && !event.hasNonNull("timestamp")) {
            timestamp = instant(event, "originalTimestamp", path, problems);
        }
        Instant sentAt = instant(event, "sentAt", path, problems);
        if (timestamp == null) {
            timestamp = call.receivedAt();
        } else if (correctClockSkew && sentAt != null) {
            Duration skew = Duration.between(timestamp, sentAt);
            timestamp = call.receivedAt().minus(skew);
        }
        event.put("timestamp", timestamp.toString());
        event.set("context", context(event.get("context"), sharedContext, source, position, call, path, problems));
        event.remove(List.of(
                "writeKey",
                "integrations",
                "originalTimestamp",
                "_metadata",
                "options",
                "channel",
                "version",
                "identifiers"));
        if (!problems.isEmpty()) {
            rejected.add(new Rejected(index, clientMessageId, position, problems, payload, false));
            return;
        }
        CanonicalEvent canonical;
        try {
            canonical = EventJson.fromTree(event);
        } catch (InvalidEventException e) {
            rejected.add(new Rejected(
                    index,
                    clientMessageId,
                    position,
                    e.problems().stream().map(problem -> problem.under(path)).toList(),
                    payload,
                    false));
            return;
        }
        canonical = withStandardHints(canonical, source.namespace());
        List<ValidationProblem> invalid = EventValidator.validate(canonical);
        QualityChecker.Result checked = invalid.isEmpty() ? quality.check(canonical) : null;
        List<ValidationProblem> failures = checked == null ? invalid : checked.rejections();
        if (!failures.isEmpty()) {
            rejected.add(new Rejected(
                    index,
                    clientMessageId,
                    position,
                    failures.stream().map(problem -> problem.under(path)).toList(),
                    payload,
                    false));
            return;
        }
        events.add(checked.event());
    }

    /**
     * The event with the identifier hints of its standard fields. A group call's traits describe the group (its
     * {@code email} or {@code phone} is the group's, not the customer's), so only its ids and context give hints.
     */
    private static CanonicalEvent withStandardHints(CanonicalEvent event, String namespace) {
        if (event.type() != EventType.GROUP) {
            return IdentifierHints.withStandardHints(event, namespace);
        }
        Set<IdentifierHint> hints = new LinkedHashSet<>(event.identifiers());
        hints.addAll(IdentifierHints.standard(
                event.userId().orElse(null),
                event.anonymousId().orElse(null),
                Map.of(),
                event.context().extensions(),
                namespace));
        return event.toBuilder().identifiers(new ArrayList<>(hints)).buildUnchecked();
    }

    private static ObjectNode context(
            JsonNode given,
            ObjectNode shared,
            SourceIdentity source,
            String position,
            Call call,
            String path,
            List<ValidationProblem> problems) {
        ObjectNode context = JsonNodeFactory.instance.objectNode();
        if (shared != null) {
            context.setAll(shared.deepCopy());
        }
        if (given != null && !given.isNull()) {
            if (given instanceof ObjectNode object) {
                for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    context.set(field.getKey(), field.getValue());
                }
            } else {
                problems.add(new ValidationProblem(path + ".context", "must be an object"));
            }
        }
        ObjectNode origin = context.putObject("source");
        origin.put("id", source.id());
        origin.put("kind", source.kind().wireName());
        origin.put("position", position);
        if (!context.hasNonNull("ip") && call.ip() != null) {
            context.put("ip", call.ip());
        }
        if (!context.hasNonNull("userAgent") && call.userAgent() != null) {
            context.put("userAgent", call.userAgent());
        }
        boolean gpc = call.globalPrivacyControl()
                || (context.get("gpc") != null && context.get("gpc").asBoolean(false));
        context.put("gpc", gpc);
        return context;
    }

    private static Instant instant(ObjectNode event, String field, String path, List<ValidationProblem> problems) {
        JsonNode node = event.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            problems.add(new ValidationProblem(path + "." + field, "must be an ISO-8601 date-time string"));
            return null;
        }
        try {
            return EventJson.parseInstant(node.textValue());
        } catch (DateTimeParseException e) {
            String text = node.textValue();
            problems.add(new ValidationProblem(
                    path + "." + field,
                    "'%s' is not an ISO-8601 date-time (e.g. 2026-11-21T10:15:30Z)"
                            .formatted(text.length() > 40 ? text.substring(0, 40) + "..." : text)));
            return null;
        }
    }

    private static String textOrNull(JsonNode node) {
        return node == null || !node.isTextual() ? null : node.textValue();
    }

    private static String position(Call call, int index) {
        return "request=%s index=%d".formatted(call.requestId(), index);
    }
}
