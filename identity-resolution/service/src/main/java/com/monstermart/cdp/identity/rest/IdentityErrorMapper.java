package com.monstermart.cdp.identity.rest;

import com.monstermart.cdp.identity.core.IdentityException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Every identity error as {@code {code, message}} with its HTTP status; never a stack trace. */
@Provider
public class IdentityErrorMapper implements ExceptionMapper<IdentityException> {
    @Override
    public Response toResponse(IdentityException e) {
        int status =
                switch (e.code()) {
                    case INVALID_IDENTIFIER, INVALID_RULES, INVALID_REQUEST -> 400;
                    case PROFILE_NOT_FOUND, IDENTIFIER_NOT_FOUND, REVIEW_ITEM_NOT_FOUND -> 404;
                    case STORE_FAILURE -> 503;
                    case MATCHING_FAILED -> 500;
                };
        if (status >= 500) {
            Log.errorf("%s: %s", e.code(), e.getMessage());
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new Dtos.ErrorResponse(e.code().name(), e.getMessage()))
                .build();
    }
}
