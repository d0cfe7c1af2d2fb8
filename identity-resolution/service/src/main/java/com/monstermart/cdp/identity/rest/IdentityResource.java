package com.monstermart.cdp.identity.rest;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.graph.Explanation;
import com.monstermart.cdp.identity.core.graph.IdentityChange;
import com.monstermart.cdp.identity.core.graph.Member;
import com.monstermart.cdp.identity.core.graph.ProfileView;
import com.monstermart.cdp.identity.core.graph.UnmergeResult;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.core.postgres.PostgresIdentityStore;
import com.monstermart.cdp.identity.kafka.ChangePublisher;
import com.monstermart.cdp.identity.resolution.ChangeMessages;
import com.monstermart.cdp.identity.resolution.ForgetList;
import com.monstermart.cdp.identity.resolution.IdentifierProtector;
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
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Profiles: lookup, explain, unmerge, forget. Identifiers travel in bodies, never in URLs. */
@Path("/identity")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "profiles")
public class IdentityResource {
    private final PostgresIdentityStore store;
    private final RequestIdentifiers identifiers;
    private final IdentifierProtector protector;
    private final ForgetList forgetList;
    private final ChangePublisher publisher;
    private final SecurityIdentity caller;
    private final Clock clock;

    public IdentityResource(
            PostgresIdentityStore store,
            RequestIdentifiers identifiers,
            IdentifierProtector protector,
            ForgetList forgetList,
            ChangePublisher publisher,
            SecurityIdentity caller,
            Clock clock) {
        this.store = store;
        this.identifiers = identifiers;
        this.protector = protector;
        this.forgetList = forgetList;
        this.publisher = publisher;
        this.caller = caller;
        this.clock = clock;
    }

    @GET
    @Path("/profiles/{profileId}")
    @RolesAllowed({"admin", "privacy-officer", "marketer", "analyst"})
    @Operation(summary = "A profile by id (a merged id returns the profile it was merged into)")
    public Dtos.ProfileResponse profile(@PathParam("profileId") UUID profileId) {
        return Dtos.ProfileResponse.of(find(profileId));
    }

    @POST
    @Path("/lookup")
    @RolesAllowed({"admin", "privacy-officer", "marketer"})
    @Operation(summary = "The profile of an identifier (raw value; normalised and blind-indexed here)")
    public Dtos.ProfileResponse lookup(Dtos.IdentifierRequest request) {
        Identifier identifier = identifiers.graph(request);
        UUID profileId = store.profileOf(identifier)
                .orElseThrow(() -> new IdentityException(
                        IdentityErrorCode.IDENTIFIER_NOT_FOUND,
                        "Identifier %s is in no profile".formatted(identifier)));
        return Dtos.ProfileResponse.of(find(profileId));
    }

    @POST
    @Path("/explain")
    @RolesAllowed({"admin", "privacy-officer"})
    @Operation(summary = "Why two identifiers are in one profile: the chain of journal links with their evidence")
    public Dtos.ExplainResponse explain(Dtos.ExplainRequest request) {
        if (request == null) {
            throw new IdentityException(IdentityErrorCode.INVALID_REQUEST, "Give 'from' and 'to' identifiers");
        }
        Explanation explanation = store.explain(identifiers.graph(request.from()), identifiers.graph(request.to()));
        return new Dtos.ExplainResponse(
                explanation.profileId(),
                explanation.path().stream().map(Dtos.LinkResponse::of).toList());
    }

    @GET
    @Path("/profiles/{profileId}/rejections")
    @RolesAllowed({"admin", "privacy-officer"})
    @Operation(summary = "Links rules refused for this profile's identifiers, newest first")
    public List<Dtos.RejectionResponse> rejections(
            @PathParam("profileId") UUID profileId, @QueryParam("limit") @DefaultValue("100") int limit) {
        return store.rejections(profileId, Math.min(limit, 1000)).stream()
                .map(Dtos.RejectionResponse::of)
                .toList();
    }

    @POST
    @Path("/profiles/{profileId}/unmerge")
    @RolesAllowed({"admin", "privacy-officer"})
    @Operation(summary = "Split identifiers off a profile (one identifier: remove it); components are recomputed")
    public Dtos.UnmergeResponse unmerge(@PathParam("profileId") UUID profileId, Dtos.UnmergeRequest request) {
        if (request == null
                || request.identifiers() == null
                || request.identifiers().isEmpty()) {
            throw new IdentityException(IdentityErrorCode.INVALID_REQUEST, "Name the identifiers to split off");
        }
        Set<Identifier> moved = new LinkedHashSet<>();
        request.identifiers().forEach(each -> moved.add(identifiers.graph(each)));
        String reason = request.reason() == null || request.reason().isBlank() ? "unmerge" : request.reason();
        UnmergeResult result = store.split(profileId, moved, actor(), reason);
        for (IdentityChange change : result.changes()) {
            publisher.publish(
                    change.profileId().toString(),
                    ChangeMessages.split((IdentityChange.ProfileSplit) change, result.profiles()));
        }
        return new Dtos.UnmergeResponse(
                result.profileId(),
                result.profiles().stream().map(Dtos.ProfileResponse::of).toList());
    }

    @POST
    @Path("/forget")
    @RolesAllowed({"admin", "privacy-officer"})
    @Operation(summary = "Put an erased person's identifiers on the forget list: their events are not profiled again")
    public Dtos.ForgetResponse forget(Dtos.ForgetRequest request) {
        if (request == null || request.profileId() == null) {
            throw new IdentityException(IdentityErrorCode.INVALID_REQUEST, "Give the profileId to forget");
        }
        ProfileView profile = find(request.profileId());
        List<String> keys = profile.identifiers().stream()
                .map(Member::identifier)
                .map(protector::forgetKey)
                .toList();
        forgetList.forget(
                profile.profileId(),
                keys,
                request.reason() == null || request.reason().isBlank() ? "erasure" : request.reason());
        publisher.publish(profile.profileId().toString(), ChangeMessages.erased(profile.profileId(), clock.instant()));
        return new Dtos.ForgetResponse(profile.profileId(), keys.size());
    }

    private ProfileView find(UUID profileId) {
        return store.profile(profileId)
                .orElseThrow(
                        () -> new IdentityException(IdentityErrorCode.PROFILE_NOT_FOUND, "No profile " + profileId));
    }

    private String actor() {
        return caller.getPrincipal().getName();
    }
}
