package com.monstermart.cdp.ingestion.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.ingestion.core.ErrorCode;
import com.monstermart.cdp.ingestion.core.IngestionException;
import com.monstermart.cdp.ingestion.core.SourceRuntime;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceStatus;
import com.monstermart.cdp.ingestion.core.SourceSupervisor;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.core.StoredSource;
import com.monstermart.cdp.ingestion.kafka.DeadLetterReader;
import com.monstermart.cdp.ingestion.registry.ConnectionTest;
import com.monstermart.cdp.ingestion.registry.PreviewRequest;
import com.monstermart.cdp.ingestion.registry.PreviewResult;
import com.monstermart.cdp.ingestion.registry.SourceRegistry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The source registry for connector operators (roles {@code connector-operator} and {@code admin}). */
@Path("/api/ingestion/sources")
@RolesAllowed({"connector-operator", "admin"})
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sources", description = "Add, change and operate ingestion sources")
public class SourceResource {
    private final SourceRegistry registry;
    private final SourceSupervisor supervisor;
    private final DeadLetterReader deadLetters;
    private final SecurityIdentity identity;

    public SourceResource(
            SourceRegistry registry,
            SourceSupervisor supervisor,
            DeadLetterReader deadLetters,
            SecurityIdentity identity) {
        this.registry = registry;
        this.supervisor = supervisor;
        this.deadLetters = deadLetters;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Every source with its status")
    public List<SourceView> list() {
        return registry.list().stream().map(source -> view(source, null)).toList();
    }

    @POST
    @Operation(summary = "Create a source; an HTTP source's write key is returned once")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        SourceRegistry.Saved saved = registry.create(spec(body), actor());
        return Response.status(Response.Status.CREATED)
                .entity(view(saved.source(), saved.writeKey().orElse(null)))
                .build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One source with its status")
    public SourceView get(@PathParam("id") String id) {
        return view(registry.get(id), null);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a source's definition; send its version as If-Match to update safely")
    @Consumes(MediaType.APPLICATION_JSON)
    public SourceView update(@PathParam("id") String id, @HeaderParam("If-Match") String version, String body) {
        OptionalLong expected = OptionalLong.empty();
        if (version != null && !version.isBlank()) {
            try {
                expected =
                        OptionalLong.of(Long.parseLong(version.replace("\"", "").strip()));
            } catch (NumberFormatException e) {
                throw new IngestionException(
                        ErrorCode.INVALID_REQUEST,
                        "If-Match must be the source's version, not '%s'".formatted(version));
            }
        }
        SourceRegistry.Saved saved = registry.update(id, spec(body), actor(), expected);
        return view(saved.source(), saved.writeKey().orElse(null));
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a source: stop it, drop its replication slot, forget its positions")
    public Response delete(@PathParam("id") String id) {
        registry.delete(id, actor());
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/pause")
    @Operation(summary = "Pause a source (HTTP sources answer 503 meanwhile)")
    public SourceView pause(@PathParam("id") String id) {
        return view(registry.pause(id, actor()), null);
    }

    @POST
    @Path("{id}/resume")
    @Operation(summary = "Resume a paused source where it stopped")
    public SourceView resume(@PathParam("id") String id) {
        return view(registry.resume(id, actor()), null);
    }

    @GET
    @Path("{id}/status")
    @Operation(summary = "State, lag, last event, events/s, error and dead-letter counts")
    public SourceStatus status(@PathParam("id") String id) {
        return registry.status(id);
    }

    @POST
    @Path("{id}/test-connection")
    @Operation(summary = "Test a stored source's connection")
    public ConnectionTest testStored(@PathParam("id") String id) {
        return registry.testConnection(id);
    }

    @POST
    @Path("test-connection")
    @Operation(summary = "Test a definition's connection before creating it")
    @Consumes(MediaType.APPLICATION_JSON)
    public ConnectionTest test(String body) {
        return registry.testConnection(spec(body));
    }

    @POST
    @Path("{id}/preview")
    @Operation(summary = "Dry run of a stored source's mapping on sample data; nothing is written")
    @Consumes(MediaType.APPLICATION_JSON)
    public PreviewResult previewStored(@PathParam("id") String id, String body) {
        return registry.preview(id, SpecJson.read(SpecJson.json(), body, PreviewRequest.class, "preview request"));
    }

    @POST
    @Path("preview")
    @Operation(summary = "Dry run of a definition on sample data: {source: <definition>, file | rows | http}")
    @Consumes(MediaType.APPLICATION_JSON)
    public PreviewResult preview(String body) {
        JsonNode root = SpecJson.read(SpecJson.json(), body, JsonNode.class, "preview request");
        if (!(root instanceof ObjectNode object) || !object.has("source")) {
            throw new IngestionException(
                    ErrorCode.INVALID_REQUEST,
                    "A preview of a definition needs {source: <definition>, file | rows | http}");
        }
        SourceSpec spec =
                SpecJson.read(SpecJson.json(), object.remove("source").toString(), SourceSpec.class, "source");
        return registry.preview(
                spec, SpecJson.read(SpecJson.json(), object.toString(), PreviewRequest.class, "preview request"));
    }

    @POST
    @Path("{id}/write-key")
    @Operation(summary = "Rotate an HTTP source's write key; the new key is returned once")
    public SourceView rotateWriteKey(@PathParam("id") String id) {
        SourceRegistry.Saved saved = registry.rotateWriteKey(id, actor());
        return view(saved.source(), saved.writeKey().orElse(null));
    }

    @GET
    @Path("{id}/dead-letters")
    @Operation(summary = "The newest dead letters of a source (they hold the rejected input)")
    public List<DeadLetter> deadLetters(
            @PathParam("id") String id, @QueryParam("limit") @DefaultValue("20") int limit) {
        registry.get(id);
        if (limit < 1 || limit > 1000) {
            throw new IngestionException(ErrorCode.INVALID_REQUEST, "limit must be 1 to 1000, not " + limit);
        }
        return deadLetters.newest(registry.sink().deadLetterTopic(id), limit);
    }

    private SourceView view(StoredSource source, String writeKey) {
        Optional<SourceStatus> status = supervisor.runtime(source.id()).map(SourceRuntime::status);
        return SourceView.of(source, status.orElseGet(() -> registry.status(source.id())), writeKey);
    }

    private static SourceSpec spec(String body) {
        if (body == null || body.isBlank()) {
            throw new IngestionException(ErrorCode.INVALID_REQUEST, "The request needs a source definition as JSON");
        }
        return SpecJson.read(SpecJson.json(), body, SourceSpec.class, "source definition");
    }

    private String actor() {
        return identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
