package com.monstermart.cdp.identity.rest;

import com.monstermart.cdp.identity.core.IdentityErrorCode;
import com.monstermart.cdp.identity.core.IdentityException;
import com.monstermart.cdp.identity.core.graph.IdentityChange;
import com.monstermart.cdp.identity.core.review.ReviewDecisions;
import com.monstermart.cdp.identity.core.review.ReviewItem;
import com.monstermart.cdp.identity.core.review.ReviewQueue;
import com.monstermart.cdp.identity.kafka.ChangePublisher;
import com.monstermart.cdp.identity.resolution.ChangeMessages;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.api.SubjectId;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The review queue of probable matches. */
@Path("/identity/reviews")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "reviews")
public class ReviewResource {
    private final ReviewQueue queue;
    private final ReviewDecisions decisions;
    private final ChangePublisher publisher;
    private final PiiVault vault;
    private final SecurityIdentity caller;

    public ReviewResource(
            ReviewQueue queue,
            ReviewDecisions decisions,
            ChangePublisher publisher,
            PiiVault vault,
            SecurityIdentity caller) {
        this.queue = queue;
        this.decisions = decisions;
        this.publisher = publisher;
        this.vault = vault;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({"admin", "privacy-officer", "marketer"})
    @Operation(summary = "Review items by status (OPEN, ACCEPTED, REJECTED), newest first")
    public List<Dtos.ReviewResponse> list(
            @QueryParam("status") @DefaultValue("OPEN") String status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        ReviewItem.Status wanted;
        try {
            wanted = ReviewItem.Status.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IdentityException(
                    IdentityErrorCode.INVALID_REQUEST,
                    "Unknown status '%s' (use OPEN, ACCEPTED or REJECTED)".formatted(status));
        }
        return queue.list(wanted, Math.min(limit, 1000)).stream()
                .map(Dtos.ReviewResponse::of)
                .toList();
    }

    @POST
    @Path("/{id}/accept")
    @RolesAllowed({"admin", "privacy-officer"})
    @Operation(summary = "Accept: link the two profiles (rules still apply)")
    public Dtos.ReviewResponse accept(@PathParam("id") UUID id) {
        ReviewDecisions.Decision decision =
                decisions.accept(id, caller.getPrincipal().getName());
        decision.resolution().ifPresent(resolution -> {
            for (IdentityChange change : resolution.changes()) {
                if (change instanceof IdentityChange.ProfilesMerged merged) {
                    vault.merge(
                            SubjectId.of(merged.profileId().toString()),
                            SubjectId.of(merged.merged().toString()));
                }
                publisher.publish(change.profileId().toString(), ChangeMessages.of(change));
            }
        });
        return Dtos.ReviewResponse.of(decision.item());
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({"admin", "privacy-officer"})
    @Operation(summary = "Reject: the two profiles are separated and never proposed again")
    public Dtos.ReviewResponse reject(@PathParam("id") UUID id) {
        return Dtos.ReviewResponse.of(
                decisions.reject(id, caller.getPrincipal().getName()).item());
    }
}
