package com.monstermart.cdp.ingestion.rest;

import com.monstermart.cdp.ingestion.core.IngestionException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps ingestion errors to {@code {code, message}} with the matching status; never a stack trace. */
@Provider
public class ErrorMapper implements ExceptionMapper<IngestionException> {
    @Override
    public Response toResponse(IngestionException exception) {
        int status =
                switch (exception.code().kind()) {
                    case USER -> 400;
                    case NOT_FOUND -> 404;
                    case CONFLICT -> 409;
                    case EXTERNAL -> 503;
                    case INTERNAL -> 500;
                };
        if (status >= 500) {
            Log.warnf(exception, "Request failed: %s", exception.getMessage());
        }
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(new ErrorBody(exception.code().name(), exception.getMessage()))
                .build();
    }
}
