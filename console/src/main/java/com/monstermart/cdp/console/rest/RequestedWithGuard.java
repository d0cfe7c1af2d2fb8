package com.monstermart.cdp.console.rest;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.util.Set;

/**
 * Cross-site request forgery guard: a request that changes something must carry {@code X-Requested-With:
 * JavaScript}, which the console's own scripts send and another site cannot add without a CORS preflight the console
 * never grants (the session cookie is also SameSite=Lax).
 */
@Provider
public class RequestedWithGuard implements ContainerRequestFilter {
    static final String HEADER = "X-Requested-With";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    @Override
    public void filter(ContainerRequestContext request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return;
        }
        if (!"JavaScript".equals(request.getHeaderString(HEADER))) {
            request.abortWith(Response.status(403)
                    .type(MediaType.APPLICATION_JSON_TYPE)
                    .entity(new ErrorResponse(
                            "FORBIDDEN", "Send X-Requested-With: JavaScript with requests that change something"))
                    .build());
        }
    }
}
