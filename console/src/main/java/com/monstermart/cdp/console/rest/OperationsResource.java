package com.monstermart.cdp.console.rest;

import com.monstermart.cdp.console.core.ConsoleErrorCode;
import com.monstermart.cdp.console.core.ConsoleException;
import com.monstermart.cdp.console.core.Screen;
import com.monstermart.cdp.console.core.platform.DeadLetterSummary;
import com.monstermart.cdp.console.core.platform.ReviewQueue;
import com.monstermart.cdp.console.core.platform.ReviewSummary;
import com.monstermart.cdp.console.core.platform.SourceDirectory;
import com.monstermart.cdp.console.core.platform.SourceSummary;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The Operations screen's data, read from the ingestion service and identity resolution with the user's token (each
 * service applies its own role rules: identity resolution lists its review queue to admin, privacy-officer and
 * marketer only).
 */
@Path("/api/console/operations")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class OperationsResource {
    private static final int MAXIMUM_LIMIT = 200;

    private final SourceDirectory sources;
    private final ReviewQueue reviews;
    private final SignedInUser user;

    public OperationsResource(SourceDirectory sources, ReviewQueue reviews, SignedInUser user) {
        this.sources = sources;
        this.reviews = reviews;
        this.user = user;
    }

    @GET
    @Path("/sources")
    @Operation(summary = "Every source with its state, lag, events/s, events, dead letters and errors")
    public List<SourceSummary> sources() {
        user.require(Screen.OPERATIONS);
        return sources.sources(user.caller());
    }

    @GET
    @Path("/sources/{id}/dead-letters")
    @Operation(summary = "A source's newest dead letters: where and why, without the rejected input")
    public List<DeadLetterSummary> deadLetters(
            @PathParam("id") String id, @QueryParam("limit") @DefaultValue("20") int limit) {
        user.require(Screen.OPERATIONS);
        return sources.deadLetters(user.caller(), id, limit(limit));
    }

    @GET
    @Path("/reviews")
    @Operation(summary = "Identity resolution's open review items (probable matches), newest first")
    public List<ReviewSummary> reviews(@QueryParam("limit") @DefaultValue("50") int limit) {
        user.require(Screen.OPERATIONS);
        return reviews.open(user.caller(), limit(limit));
    }

    @POST
    @Path("/reviews/{id}/accept")
    @Operation(summary = "Accept a review item: link the two profiles")
    public ReviewSummary accept(@PathParam("id") String id) {
        user.require(Screen.OPERATIONS);
        return reviews.accept(user.caller(), id);
    }

    @POST
    @Path("/reviews/{id}/reject")
    @Operation(summary = "Reject a review item: keep the two profiles apart")
    public ReviewSummary reject(@PathParam("id") String id) {
        user.require(Screen.OPERATIONS);
        return reviews.reject(user.caller(), id);
    }

    private static int limit(int limit) {
        if (limit < 1 || limit > MAXIMUM_LIMIT) {
            throw new ConsoleException(
                    ConsoleErrorCode.INVALID_REQUEST, "limit must be 1 to %d, not %d".formatted(MAXIMUM_LIMIT, limit));
        }
        return limit;
    }
}
