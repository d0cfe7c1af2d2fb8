package com.monstermart.cdp.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** The HTTP and JSON calls the probes and test helpers make. */
public final class Http {
    /** How long a request may take, connection included; every call is bounded. */
    static final Duration TIMEOUT = Duration.ofSeconds(20);

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private Http() {}

    public record Response(int status, String body) {
        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new StackException("Expected JSON, got: " + abbreviate(body));
            }
        }

        public Response requireSuccess(String what) {
            if (status / 100 != 2) {
                throw new StackException("%s answered HTTP %d: %s".formatted(what, status, abbreviate(body)));
            }
            return this;
        }
    }

    public static Response get(String url, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        headers.forEach(request::header);
        return send(request.build());
    }

    public static Response post(String url, Map<String, String> headers, String contentType, String body)
            throws IOException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(TIMEOUT)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return send(request.build());
    }

    public static Response postJson(String url, Map<String, String> headers, Object body) throws IOException {
        return post(url, headers, "application/json", JSON.writeValueAsString(body));
    }

    public static Response postForm(String url, Map<String, String> form) throws IOException {
        return post(url, Map.of(), "application/x-www-form-urlencoded", form(form));
    }

    public static Response delete(String url, Map<String, String> headers) throws IOException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).DELETE();
        headers.forEach(request::header);
        return send(request.build());
    }

    public static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                .collect(Collectors.joining("&"));
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Response send(HttpRequest request) throws IOException {
        return send(CLIENT, request);
    }

    /** Sends with a client of the caller's (one with its own TLS trust, say). */
    static Response send(HttpClient client, HttpRequest request) throws IOException {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted", e);
        }
    }

    static String abbreviate(String text) {
        String oneLine = text.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
