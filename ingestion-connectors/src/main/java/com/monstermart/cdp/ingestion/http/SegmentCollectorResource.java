package com.monstermart.cdp.ingestion.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.InvalidEventException;
import com.monstermart.cdp.event.ValidationProblem;
import com.monstermart.cdp.ingestion.config.HttpCollectorSettings;
import com.monstermart.cdp.ingestion.core.CompiledSource;
import com.monstermart.cdp.ingestion.core.Emitter;
import com.monstermart.cdp.ingestion.core.IngestionException;
import com.monstermart.cdp.ingestion.core.SourceRuntime;
import com.monstermart.cdp.ingestion.core.SourceSupervisor;
import com.monstermart.cdp.ingestion.kafka.KafkaEventSink;
import io.quarkus.logging.Log;
import io.smallrye.common.annotation.Blocking;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Segment's HTTP Tracking API: the six calls of the spec, {@code /v1/identify}, {@code /v1/track}, {@code /v1/page},
 * {@code /v1/screen}, {@code /v1/group}, {@code /v1/alias}, and {@code /v1/batch} (also {@code /v1/import} and the
 * one-letter paths of analytics.js). Write key by HTTP Basic (key as user name) or
 * {@code writeKey} in the body. Answers (docs/event-contract.md, "Segment calls"):
 *
 * <ul>
 *   <li>200 {@code {"success": true}} once Kafka has the events and the dead letters; a batch whose calls were not
 *       all valid also lists the {@code rejected} ones (index, messageId, reason) — they are in the dead letters, and
 *       the valid ones are kept, even when no call was valid;
 *   <li>400 naming each bad field for an invalid single call (dead-lettered) or a batch body that cannot be read;
 *   <li>401 for an unknown key; 413 over 32 KB per single call or 500 KB per batch request;
 *   <li>503 when the source is paused or Kafka is down (SDKs retry, message ids deduplicate).
 * </ul>
 */
@Path("/v1")
@Tag(name = "Segment HTTP API", description = "Wire-compatible with Segment's HTTP Tracking API")
public class SegmentCollectorResource {
    private final SourceSupervisor supervisor;
    private final SegmentPayloads payloads;
    private final KafkaEventSink sink;
    private final HttpCollectorSettings settings;
    private final Clock clock;

    public SegmentCollectorResource(
            SourceSupervisor supervisor,
            SegmentPayloads payloads,
            KafkaEventSink sink,
            HttpCollectorSettings settings,
            Clock clock) {
        this.supervisor = supervisor;
        this.payloads = payloads;
        this.sink = sink;
        this.settings = settings;
        this.clock = clock;
    }

    @POST
    @Path("{call}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Blocking
    @Operation(summary = "identify, track, page, screen, group, alias, batch, import (or i, t, p, s, g, a, b)")
    public CompletionStage<Response> call(
            @PathParam("call") String call,
            byte[] body,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        String kind = kind(call);
        if (kind == null) {
            return done(error(
                    404,
                    "UNKNOWN_CALL",
                    "/v1/%s is not a Segment call; use identify, track, page, screen, group, alias or batch"
                            .formatted(abbreviate(call))));
        }
        boolean batch = kind.equals("batch");
        int limit = batch ? settings.maxBatchBytes() : settings.maxEventBytes();
        byte[] content = body == null ? new byte[0] : body;
        if (content.length > limit) {
            return done(error(
                    413,
                    "PAYLOAD_TOO_LARGE",
                    batch
                            ? "The batch request has %d bytes; a batch may have at most %d bytes (%d KB, Segment's limit per batch request); send fewer calls per batch"
                                    .formatted(content.length, limit, limit / 1024)
                            : "The call has %d bytes; a call may have at most %d bytes (%d KB, Segment's limit per call)"
                                    .formatted(content.length, limit, limit / 1024)));
        }
        Optional<String> headerKey = WriteKeys.fromAuthorization(headers.getHeaderString(HttpHeaders.AUTHORIZATION));
        JsonNode root = null;
        InvalidEventException malformed = null;
        try {
            root = content.length == 0 ? null : EventJson.parse(content);
        } catch (InvalidEventException e) {
            malformed = e;
        }
        Optional<String> writeKey = headerKey.isPresent() ? headerKey : SegmentPayloads.writeKey(root);
        if (writeKey.isEmpty()) {
            if (malformed != null) {
                return done(invalid(malformed.problems(), 0));
            }
            return done(
                    unauthorized(
                            "The call has no write key; send it as the user name of HTTP Basic authentication or as writeKey in the body"));
        }
        Optional<SourceRuntime> runtime = supervisor.byWriteKeyHash(WriteKeys.hash(writeKey.get()));
        if (runtime.isEmpty() || runtime.get().compiled().isEmpty()) {
            return done(unauthorized("Unknown write key; check the source's write key"));
        }
        SourceRuntime source = runtime.get();
        if (!source.accepting()) {
            return done(Response.status(503)
                    .header("Retry-After", "60")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(body(false, "SOURCE_PAUSED", "Source %s is paused; retry later".formatted(source.id())))
                    .build());
        }
        CompiledSource compiled = source.compiled().get();
        String requestId = requestId(headers);
        Emitter emitter = new Emitter(compiled.id(), sink, source.metrics(), clock);
        if (malformed != null || root == null) {
            List<ValidationProblem> problems =
                    malformed != null ? malformed.problems() : List.of(new ValidationProblem("$", "the body is empty"));
            emitter.reject("request=%s".formatted(requestId), problems, new String(content, StandardCharsets.UTF_8));
            return finish(emitter, invalid(problems, 0));
        }
        SegmentPayloads.Call context = new SegmentPayloads.Call(
                requestId,
                clock.instant(),
                clientAddress(headers, request),
                headers.getHeaderString("User-Agent"),
                gpc(headers));
        SegmentPayloads.Result result = batch
                ? payloads.batch(root, compiled.identity(), compiled.quality(), context)
                : payloads.single(kind, root, compiled.identity(), compiled.quality(), context);
        for (CanonicalEvent event : result.events()) {
            emitter.add(event);
        }
        for (SegmentPayloads.Rejected rejected : result.rejected()) {
            emitter.reject(rejected.position(), rejected.problems(), rejected.payload());
        }
        return finish(emitter, batch ? batchAnswer(result) : singleAnswer(result));
    }

    /** One call, one answer: 200, or 400 (413 when over the limit per call) naming each problem. */
    private static Response singleAnswer(SegmentPayloads.Result result) {
        if (result.rejected().isEmpty()) {
            return success();
        }
        if (result.oversize()) {
            return error(
                    413,
                    "PAYLOAD_TOO_LARGE",
                    describe(result.problems()),
                    result.problems(),
                    result.events().size());
        }
        return invalid(result.problems(), result.events().size());
    }

    /**
     * A batch: 400 when its body cannot be read as one; otherwise 200 {@code {"success": true}}, every call being on
     * Kafka or in the dead letters, with the rejected calls listed when there are any — also when every call was
     * rejected: an SDK drops or retries a batch answered with a 4xx as a whole, and a retry could only dead-letter
     * the same calls again.
     */
    private static Response batchAnswer(SegmentPayloads.Result result) {
        if (result.unreadable()) {
            return invalid(result.problems(), 0);
        }
        if (result.rejected().isEmpty()) {
            return success();
        }
        ObjectNode body = body(true, null, null);
        body.put("accepted", result.events().size());
        ArrayNode rejected = body.putArray("rejected");
        for (SegmentPayloads.Rejected call : result.rejected()) {
            ObjectNode entry = rejected.addObject();
            entry.put("index", call.index());
            call.messageId().ifPresent(messageId -> entry.put("messageId", messageId));
            entry.put("reason", call.reason());
            ArrayNode errors = entry.putArray("errors");
            for (ValidationProblem problem : call.problems()) {
                errors.addObject().put("path", problem.path()).put("message", problem.message());
            }
        }
        return Response.ok(body).type(MediaType.APPLICATION_JSON).build();
    }

    private static Response success() {
        return Response.ok(body(true, null, null))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }

    private CompletionStage<Response> finish(Emitter emitter, Response response) {
        return emitter.flush().handle((done, failure) -> {
            if (failure == null) {
                return response;
            }
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            Log.warnf("Cannot write collected events to Kafka: %s", cause.getMessage());
            return Response.status(503)
                    .header("Retry-After", "5")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(body(
                            false,
                            "KAFKA_UNAVAILABLE",
                            cause instanceof IngestionException ? cause.getMessage() : "Kafka is unavailable; retry"))
                    .build();
        });
    }

    private static String kind(String call) {
        return switch (call.toLowerCase(Locale.ROOT)) {
            case "identify", "i" -> "identify";
            case "track", "t" -> "track";
            case "page", "p" -> "page";
            case "screen", "s" -> "screen";
            case "alias", "a" -> "alias";
            case "group", "g" -> "group";
            case "batch", "import", "b" -> "batch";
            default -> null;
        };
    }

    private static boolean gpc(HttpHeaders headers) {
        String value = headers.getHeaderString("Sec-GPC");
        return value != null && value.strip().equals("1");
    }

    private String clientAddress(HttpHeaders headers, HttpServerRequest request) {
        if (settings.trustForwardedFor()) {
            String forwarded = headers.getHeaderString("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                return forwarded.split(",")[0].strip();
            }
        }
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static String requestId(HttpHeaders headers) {
        String given = headers.getHeaderString("X-Request-Id");
        if (given != null && given.matches("[A-Za-z0-9._-]{1,64}")) {
            return given;
        }
        return UUID.randomUUID().toString();
    }

    private static Response invalid(List<ValidationProblem> problems, int accepted) {
        return error(400, "INVALID_EVENT", describe(problems), problems, accepted);
    }

    private static String describe(List<ValidationProblem> problems) {
        return DeadLetter.reason(problems);
    }

    private static Response unauthorized(String message) {
        return Response.status(401)
                .header("WWW-Authenticate", "Basic realm=\"cdp-ingestion\"")
                .type(MediaType.APPLICATION_JSON)
                .entity(body(false, "UNKNOWN_WRITE_KEY", message))
                .build();
    }

    private static Response error(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(body(false, code, message))
                .build();
    }

    private static Response error(
            int status, String code, String message, List<ValidationProblem> problems, int accepted) {
        ObjectNode body = body(false, code, message);
        ArrayNode errors = body.putArray("errors");
        for (ValidationProblem problem : problems) {
            errors.addObject().put("path", problem.path()).put("message", problem.message());
        }
        body.put("accepted", accepted);
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(body)
                .build();
    }

    private static ObjectNode body(boolean success, String code, String message) {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("success", success);
        if (code != null) {
            body.put("code", code);
            body.put("message", message);
        }
        return body;
    }

    private static CompletionStage<Response> done(Response response) {
        return CompletableFuture.completedFuture(response);
    }
}
