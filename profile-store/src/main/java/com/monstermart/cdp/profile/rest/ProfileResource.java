package com.monstermart.cdp.profile.rest;

import com.monstermart.cdp.profile.rest.ProfileResponse.EventResponse;
import com.monstermart.cdp.profile.rest.ProfileResponse.IdentifierResponse;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The hot profile API. Personal values are masked unless the caller holds a reveal role (privacy-officer, admin)
 * and states a {@code purpose}; every decryption is audit-logged with the caller and the purpose.
 */
@Path("/api/profiles")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"marketer", "privacy-officer", "analyst", "admin"})
public class ProfileResource {
    private final ProfileApi api;
    private final SecurityIdentity caller;

    public ProfileResource(ProfileApi api, SecurityIdentity caller) {
        this.api = api;
        this.caller = caller;
    }

    /**
     * A lookup by identifier value, sent in the body so the value never lands in a URL or an access log: {@code type}
     * (email, phone, loyalty_card, user_id, customer_id, anonymous_id, device_id), {@code namespace} for the namespaced
     * ones, {@code value} spelled any way (normalised as identity resolution does), {@code purpose} to reveal.
     */
    public record LookupRequest(String type, String namespace, String value, String purpose) {}

    @GET
    @Path("/{profileId}")
    @Operation(summary = "A profile: traits, identifiers, counters and recent events (merged ids resolve)")
    public ProfileResponse profile(
            @PathParam("profileId") String profileId,
            @Parameter(description = "Why plaintext is needed; reveal roles only, audit-logged") @QueryParam("purpose")
                    String purpose) {
        return api.profile(profileId, caller, Optional.ofNullable(purpose));
    }

    @GET
    @Path("/by-identifier")
    @Operation(summary = "The profile an identifier belongs to, by the identifier's blind index")
    public ProfileResponse byIdentifier(
            @QueryParam("type") String type,
            @QueryParam("namespace") @DefaultValue("global") String namespace,
            @QueryParam("blindIndex") String blindIndex,
            @QueryParam("purpose") String purpose) {
        return api.byBlindIndex(
                required(type, "type"),
                namespace,
                required(blindIndex, "blindIndex"),
                caller,
                Optional.ofNullable(purpose));
    }

    @POST
    @Path("/lookup")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "The profile an identifier belongs to, by the identifier's value (blind-indexed here)")
    public ProfileResponse lookup(LookupRequest request) {
        if (request == null) {
            throw new jakarta.ws.rs.BadRequestException("Send {\"type\": \"email\", \"value\": \"...\"}");
        }
        return api.byValue(
                required(request.type(), "type"),
                request.namespace(),
                required(request.value(), "value"),
                caller,
                Optional.ofNullable(request.purpose()));
    }

    @GET
    @Path("/{profileId}/events")
    @Operation(summary = "The newest events of a profile and of the profiles merged into it")
    public List<EventResponse> events(
            @PathParam("profileId") String profileId,
            @QueryParam("limit") @DefaultValue("20") int limit,
            @QueryParam("purpose") String purpose) {
        return api.events(profileId, limit, caller, Optional.ofNullable(purpose));
    }

    @GET
    @Path("/{profileId}/identifiers")
    @Operation(summary = "A profile's identifiers (blind indexes, types, sources, first and last seen)")
    public List<IdentifierResponse> identifiers(@PathParam("profileId") String profileId) {
        return api.identifiers(profileId);
    }

    private static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new com.monstermart.cdp.profile.core.ProfileStoreException(
                    com.monstermart.cdp.profile.core.ProfileStoreErrorCode.INVALID_REQUEST,
                    "The parameter '%s' is required".formatted(name));
        }
        return value;
    }
}
