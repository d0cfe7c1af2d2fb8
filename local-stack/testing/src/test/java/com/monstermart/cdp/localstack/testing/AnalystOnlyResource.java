package com.monstermart.cdp.localstack.testing;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The tiny secured endpoint of {@link SecuredEndpointTest}. */
@Path("/analyst-only")
public class AnalystOnlyResource {
    private final SecurityIdentity identity;

    public AnalystOnlyResource(SecurityIdentity identity) {
        this.identity = identity;
    }

    @GET
    @RolesAllowed("analyst")
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello " + identity.getPrincipal().getName();
    }
}
