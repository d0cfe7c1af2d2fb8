package com.monstermart.cdp.console.rest;

import com.monstermart.cdp.console.core.Screen;
import com.monstermart.cdp.console.core.sales.LiveSalesFeed;
import com.monstermart.cdp.console.core.sales.LiveSalesSnapshot;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestStreamElementType;

/** The Live sales screen's data: a snapshot, and a stream of them as server-sent events. */
@Path("/api/console/live-sales")
@Authenticated
public class LiveSalesResource {
    private final LiveSalesFeed feed;
    private final SignedInUser user;

    public LiveSalesResource(LiveSalesFeed feed, SignedInUser user) {
        this.feed = feed;
        this.user = user;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Sales per product and category: last hour, today, and yesterday until now")
    public LiveSalesSnapshot snapshot() {
        user.require(Screen.LIVE_SALES);
        return feed.snapshot();
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(summary = "The same snapshot at once, then after every change (server-sent events)")
    public Multi<LiveSalesSnapshot> stream() {
        user.require(Screen.LIVE_SALES);
        return Multi.createFrom()
                .emitter(
                        emitter -> {
                            LiveSalesFeed.Subscription subscription = feed.subscribe(emitter::emit);
                            emitter.onTermination(subscription::close);
                        },
                        BackPressureStrategy.LATEST);
    }
}
