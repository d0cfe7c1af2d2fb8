package com.monstermart.cdp.profile.rest;

import com.monstermart.cdp.profile.core.ProfileStoreErrorCode;
import com.monstermart.cdp.profile.core.ProfileStoreException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps every failure to {@code {code, message}} with its status; never a stack trace or a class name. */
@Provider
public class ErrorMapper implements ExceptionMapper<Exception> {
    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof ProfileStoreException failure) {
            if (failure.code().kind() != ProfileStoreErrorCode.Kind.USER_ERROR) {
                Log.errorf(failure, "Profile API request failed: %s", failure.code());
            }
            return response(failure.code().httpStatus(), failure.code().name(), failure.getMessage());
        }
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String code = status == 404
                    ? "NOT_FOUND"
                    : status == 401 ? "UNAUTHORIZED" : status == 403 ? "FORBIDDEN" : "INVALID_REQUEST";
            return response(status, code, status == 404 ? "No such resource" : web.getMessage());
        }
        Log.error("Profile API request failed unexpectedly", exception);
        return response(500, ProfileStoreErrorCode.INTERNAL.name(), "Internal error; see the service log");
    }

    private static Response response(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(code, message))
                .build();
    }
}
