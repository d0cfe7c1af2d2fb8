package com.monstermart.cdp.console.rest;

import com.monstermart.cdp.console.core.ConsoleErrorCode;
import com.monstermart.cdp.console.core.ConsoleException;
import io.quarkus.logging.Log;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The one place console errors become HTTP: {@code {code, message}} with the status of the code's kind; never a
 * stack trace or a class name. (To be replaced by the platform's shared exception mapper.)
 */
@Provider
public class ConsoleErrorMapper implements ExceptionMapper<Exception> {
    @Override
    public Response toResponse(Exception exception) {
        if (exception instanceof ConsoleException failure) {
            ConsoleErrorCode code = failure.code();
            switch (code.kind()) {
                case INTERNAL -> Log.errorf(failure, "Console request failed: %s", code);
                case UPSTREAM, UNAVAILABLE -> Log.warnf("Console request failed: %s: %s", code, failure.getMessage());
                default -> Log.debugf("Console request refused: %s", code);
            }
            return response(code.httpStatus(), code.name(), failure.getMessage());
        }
        if (exception instanceof WebApplicationException web) {
            int status = web.getResponse().getStatus();
            String code =
                    switch (status) {
                        case 401 -> "UNAUTHORIZED";
                        case 403 -> ConsoleErrorCode.FORBIDDEN.name();
                        case 404 -> ConsoleErrorCode.NOT_FOUND.name();
                        case 405 -> "METHOD_NOT_ALLOWED";
                        case 406, 415 -> ConsoleErrorCode.INVALID_REQUEST.name();
                        default ->
                            status >= 500 ? ConsoleErrorCode.INTERNAL.name() : ConsoleErrorCode.INVALID_REQUEST.name();
                    };
            String message = status == 404 ? "No such resource" : status >= 500 ? "Internal error" : web.getMessage();
            return response(status, code, message);
        }
        Log.error("Console request failed unexpectedly", exception);
        return response(500, ConsoleErrorCode.INTERNAL.name(), "Internal error; see the console's log");
    }

    private static Response response(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorResponse(code, message))
                .build();
    }
}
