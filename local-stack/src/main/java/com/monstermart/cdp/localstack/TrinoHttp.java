package com.monstermart.cdp.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Trino's client protocol, just enough to run a statement and read its rows (no JDBC driver in the launcher). */
public final class TrinoHttp {
    private static final Map<String, String> HEADERS = Map.of("X-Trino-User", "cdp-launcher");
    private final String url;

    public TrinoHttp(String url) {
        this.url = url;
    }

    public List<List<JsonNode>> query(String sql) throws IOException {
        JsonNode page = Http.post(url + "/v1/statement", HEADERS, "text/plain", sql)
                .requireSuccess("Trino")
                .json();
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
            page = Http.get(page.get("nextUri").asText(), HEADERS)
                    .requireSuccess("Trino")
                    .json();
        }
    }
}
