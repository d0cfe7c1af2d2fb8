package com.monstermart.cdp.localstack;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Trino's client protocol over HTTPS, signed in with a realm token, just enough to run a statement and read its rows
 * (no JDBC driver in the launcher). The token is renewed when it is about to expire.
 */
public final class TrinoHttp {
    private static final Duration RENEW_BEFORE_EXPIRY = Duration.ofSeconds(30);

    private final StackEndpoints.Trino trino;
    private final KeycloakTokens tokens;
    private final RealmCredentials caller;
    private final HttpClient client;
    private AccessToken token;

    public TrinoHttp(StackEndpoints.Trino trino, KeycloakTokens tokens, RealmCredentials caller) {
        this.trino = requireNonNull(trino, "trino is null");
        this.tokens = requireNonNull(tokens, "tokens is null");
        this.caller = requireNonNull(caller, "caller is null");
        this.client = HttpClient.newBuilder()
                .connectTimeout(Http.CONNECT_TIMEOUT)
                .sslContext(TrinoTls.sslContext(Path.of(trino.certificate())))
                .build();
    }

    /** The caller's Trino user name. */
    public String user() {
        return caller.username();
    }

    public List<List<JsonNode>> query(String sql) throws IOException {
        JsonNode page = send(HttpRequest.newBuilder(URI.create(trino.url() + "/v1/statement"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(sql)));
        List<List<JsonNode>> rows = new ArrayList<>();
        while (true) {
            if (page.hasNonNull("error")) {
                throw new StackException("Trino query failed: "
                        + page.get("error").path("message").asText());
            }
            for (JsonNode row : page.path("data")) {
                List<JsonNode> values = new ArrayList<>();
                row.forEach(values::add);
                rows.add(values);
            }
            if (!page.hasNonNull("nextUri")) {
                return rows;
            }
            page = send(HttpRequest.newBuilder(URI.create(page.get("nextUri").asText()))
                    .GET());
        }
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException {
        AccessToken current = token();
        return Http.send(
                        client,
                        request.timeout(Http.TIMEOUT)
                                .header("Authorization", "Bearer " + current.value())
                                .header("X-Trino-User", current.username())
                                .build())
                .requireSuccess("Trino")
                .json();
    }

    private synchronized AccessToken token() {
        if (token == null || !token.validFor(RENEW_BEFORE_EXPIRY)) {
            token = tokens.issue(caller);
        }
        return token;
    }
}
