package com.monstermart.cdp.console;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Posts Segment calls to the ingestion service's collector, as the web shop's analytics.js does. */
public final class Collector {
    private final URI batch;
    private final String authorization;
    private final HttpClient client = HttpClient.newHttpClient();

    public Collector(String ingestionUrl, String writeKey) {
        this.batch = URI.create(requireNonNull(ingestionUrl, "ingestionUrl is null") + "/v1/batch");
        this.authorization =
                "Basic " + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** A signed-in shop customer with a name and an e-mail address. */
    public void identify(String userId, String email, String firstName, String lastName) {
        post("""
                {"type":"identify","userId":"%s","messageId":"%s","timestamp":"%s",
                 "traits":{"email":"%s","firstName":"%s","lastName":"%s"}}""".formatted(userId, UUID.randomUUID(), Instant.now(), email, firstName, lastName));
    }

    /** The web shop's Order Completed, sent when the payment went through. */
    public void orderCompleted(
            String userId, String orderId, String sku, String name, String category, int quantity, String price) {
        post("""
                {"type":"track","event":"Order Completed","userId":"%s","messageId":"%s","timestamp":"%s",
                 "properties":{"order_id":"%s","currency":"GBP","products":[
                   {"product_id":"%s","sku":"%s","name":"%s","category":"%s","brand":"Console Test","quantity":%d,
                    "price":%s}]}}""".formatted(
                        userId, UUID.randomUUID(), Instant.now(), orderId, sku, sku, name, category, quantity, price));
    }

    private void post(String event) {
        HttpRequest request = HttpRequest.newBuilder(batch)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"batch\":[" + event + "]}"))
                .build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException(
                        "The collector answered %d: %s".formatted(response.statusCode(), response.body()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("The collector at " + batch + " is not reachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
