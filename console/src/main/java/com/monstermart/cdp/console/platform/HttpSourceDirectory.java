package com.monstermart.cdp.console.platform;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.monstermart.cdp.console.core.Caller;
import com.monstermart.cdp.console.core.platform.DeadLetterSummary;
import com.monstermart.cdp.console.core.platform.SourceDirectory;
import com.monstermart.cdp.console.core.platform.SourceSummary;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** {@link SourceDirectory} over the ingestion service's {@code /api/ingestion/sources}. */
public final class HttpSourceDirectory implements SourceDirectory {
    private final ServiceHttp ingestion;

    public HttpSourceDirectory(ServiceHttp ingestion) {
        this.ingestion = requireNonNull(ingestion, "ingestion is null");
    }

    @Override
    public List<SourceSummary> sources(Caller caller) {
        List<SourceSummary> sources = new ArrayList<>();
        for (JsonNode source : ingestion.get(caller, "/api/ingestion/sources")) {
            JsonNode status = source.path("status");
            sources.add(new SourceSummary(
                    source.path("id").asText(),
                    source.path("kind").asText(),
                    Json.text(source.path("definition").path("description")),
                    status.path("state").asText("UNKNOWN"),
                    source.path("desiredState").asText(Json.text(status.path("desiredState"))),
                    status.path("lagMillis").asLong(-1),
                    status.path("eventsPerSecond").asDouble(0),
                    status.path("events").asLong(0),
                    status.path("deadLetters").asLong(0),
                    status.path("errors").asLong(0),
                    Json.instant(status.path("lastEventAt")),
                    Json.text(status.path("lastError")),
                    Json.instant(status.path("failingSince"))));
        }
        return sources;
    }

    @Override
    public List<DeadLetterSummary> deadLetters(Caller caller, String sourceId, int limit) {
        List<DeadLetterSummary> letters = new ArrayList<>();
        String path = "/api/ingestion/sources/%s/dead-letters?limit=%d"
                .formatted(URLEncoder.encode(sourceId, StandardCharsets.UTF_8), limit);
        for (JsonNode letter : ingestion.get(caller, path)) {
            List<DeadLetterSummary.Problem> problems = new ArrayList<>();
            for (JsonNode problem : letter.path("problems")) {
                problems.add(new DeadLetterSummary.Problem(
                        problem.path("path").asText(), problem.path("message").asText()));
            }
            // The payload (the rejected input, maybe personal data) is left behind on purpose.
            letters.add(new DeadLetterSummary(
                    Json.text(letter.path("position")),
                    Json.text(letter.path("reason")),
                    problems,
                    Json.instant(letter.path("failedAt"))));
        }
        return letters;
    }
}
