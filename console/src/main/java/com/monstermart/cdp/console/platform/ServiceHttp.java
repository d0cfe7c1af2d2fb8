package com.monstermart.cdp.console.platform;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.monstermart.cdp.console.core.Caller;
import com.monstermart.cdp.console.core.ConsoleErrorCode;
import com.monstermart.cdp.console.core.ConsoleException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;

/**
 * JSON calls to one platform service with the caller's bearer token. The service's own refusals come back as
 * console errors of the same kind, with the service's message (the services keep personal data out of messages); a
 * service that does not answer is {@link ConsoleErrorCode#SERVICE_UNAVAILABLE}. Bodies are never logged.
 */
public final class ServiceHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String serviceName;
    private final URI baseUri;
    private final HttpClient client;
    private final Duration timeout;

    public ServiceHttp(String serviceName, URI baseUri, HttpClient client, Duration timeout) {
        this.serviceName = requireNonNull(serviceName, "serviceName is null");
        this.baseUri = requireNonNull(baseUri, "baseUri is null");
        this.client = requireNonNull(client, "client is null");
        this.timeout = requireNonNull(timeout, "timeout is null");
    }

    public JsonNode get(Caller caller, String path) {
        return send(caller, path, HttpRequest.newBuilder().GET());
    }

    public JsonNode post(Caller caller, String path, Optional<JsonNode> body) {
        HttpRequest.BodyPublisher publisher;
        try {
            publisher = body.isPresent()
                    ? HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body.get()))
                    : HttpRequest.BodyPublishers.noBody();
        } catch (IOException e) {
            throw new ConsoleException(ConsoleErrorCode.INTERNAL, "Cannot write a request to " + serviceName, e);
        }
        return send(caller, path, HttpRequest.newBuilder().POST(publisher).header("Content-Type", "application/json"));
    }

    private JsonNode send(Caller caller, String path, HttpRequest.Builder builder) {
        URI uri = baseUri.resolve(path);
        HttpRequest request = builder.uri(uri)
                .timeout(timeout)
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + caller.accessToken())
                .build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw unavailable("did not answer within " + timeout.toSeconds() + " s", e);
        } catch (IOException e) {
            throw unavailable("is not reachable (" + e.getClass().getSimpleName() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable("call was interrupted", e);
        }
        int status = response.statusCode();
        JsonNode body = parse(response.body());
        if (status >= 200 && status < 300) {
            return body;
        }
        String message = body.path("message").asText("");
        String detail = message.isBlank() ? "HTTP " + status : message;
        throw switch (status) {
            case 400, 409, 422 ->
                new ConsoleException(
                        ConsoleErrorCode.INVALID_REQUEST, "The %s service refused: %s".formatted(serviceName, detail));
            case 401, 403 ->
                new ConsoleException(
                        ConsoleErrorCode.FORBIDDEN,
                        "The %s service does not let your role do this (%s)".formatted(serviceName, detail));
            case 404 ->
                new ConsoleException(
                        ConsoleErrorCode.NOT_FOUND,
                        "The %s service has no such thing: %s".formatted(serviceName, detail));
            case 502, 503, 504 -> unavailable("is not ready (" + detail + ")", null);
            default ->
                new ConsoleException(
                        ConsoleErrorCode.SERVICE_FAILED,
                        "The %s service failed: %s (see its log: ./cdp logs %s)"
                                .formatted(serviceName, detail, serviceName));
        };
    }

    private ConsoleException unavailable(String what, Throwable cause) {
        return new ConsoleException(
                ConsoleErrorCode.SERVICE_UNAVAILABLE,
                "The %s service at %s %s; is it running (./cdp status)?".formatted(serviceName, baseUri, what),
                cause);
    }

    private static JsonNode parse(byte[] body) {
        if (body == null || body.length == 0) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.nullNode();
        }
    }
}
