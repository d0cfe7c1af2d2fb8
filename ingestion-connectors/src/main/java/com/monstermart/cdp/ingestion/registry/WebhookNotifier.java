package com.monstermart.cdp.ingestion.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.ingestion.core.Notifier;
import com.monstermart.cdp.ingestion.core.SourceAlert;
import io.quarkus.logging.Log;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/** Posts each alert as JSON to a URL, asynchronously, retrying three times with backoff. */
final class WebhookNotifier implements Notifier {
    private final URI url;
    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    WebhookNotifier(URI url) {
        this.url = url;
    }

    @Override
    public void notify(SourceAlert alert) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("source", alert.sourceId());
        body.put("kind", alert.kind().name().toLowerCase(java.util.Locale.ROOT));
        body.put("message", alert.message());
        body.put("errorRate", alert.errorRate());
        body.put("at", alert.at().toString());
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        send(json, 1);
    }

    private void send(String json, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            boolean failed = error != null || response.statusCode() >= 300;
            if (!failed) {
                return;
            }
            if (attempt >= 3) {
                Log.warnf(
                        "Alert webhook %s failed %d times (%s); giving up",
                        url, attempt, error != null ? error.getMessage() : "HTTP " + response.statusCode());
                return;
            }
            java.util.concurrent.CompletableFuture.delayedExecutor(attempt * 2L, java.util.concurrent.TimeUnit.SECONDS)
                    .execute(() -> send(json, attempt + 1));
        });
    }
}
