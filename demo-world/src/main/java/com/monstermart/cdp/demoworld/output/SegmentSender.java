package com.monstermart.cdp.demoworld.output;

import com.monstermart.cdp.demoworld.CollectorTarget;
import com.monstermart.cdp.demoworld.DemoWorldErrorCode;
import com.monstermart.cdp.demoworld.DemoWorldException;
import com.monstermart.cdp.demoworld.core.Privacy;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Posts Segment events to a collector with the batch API ({@code POST /v1/batch}, body {@code {"batch":[...]}},
 * HTTP Basic auth with the write key as user name). Respects Segment's limits: 32 KB per event, 500 KB per
 * batch. Events of visitors sending Global Privacy Control travel in their own batches with {@code Sec-GPC: 1}.
 * Retries network errors, 429 and 5xx with backoff; every event has a messageId, so retries are idempotent.
 */
public final class SegmentSender implements AutoCloseable {
    public static final int MAX_EVENT_BYTES = 32 * 1024;
    public static final int MAX_BATCH_BYTES = 500 * 1024;
    private static final int ATTEMPTS = 6;

    private final CollectorTarget target;
    private final HttpClient client;
    private final String authorization;
    private final Batch plain = new Batch(false);
    private final Batch gpc = new Batch(true);
    private long sentEvents;
    private long sentBatches;

    public SegmentSender(CollectorTarget target) {
        this.target = target;
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        this.authorization = "Basic "
                + Base64.getEncoder().encodeToString((target.writeKey() + ":").getBytes(StandardCharsets.UTF_8));
    }

    /** Queues an event of a visitor with this privacy signal; a full batch is posted at once. */
    public void add(String event, Privacy privacy) {
        int size = event.getBytes(StandardCharsets.UTF_8).length;
        if (size > MAX_EVENT_BYTES) {
            throw new DemoWorldException(
                    DemoWorldErrorCode.INTERNAL, "A Segment event of %d bytes exceeds the 32 KB limit".formatted(size));
        }
        Batch batch = privacy == Privacy.GLOBAL_PRIVACY_CONTROL ? gpc : plain;
        if (batch.bytes + size + 1 > MAX_BATCH_BYTES - 32) {
            post(batch);
        }
        batch.add(event, size);
    }

    /** Posts whatever is queued. */
    public void flush() {
        post(plain);
        post(gpc);
    }

    public long sentEvents() {
        return sentEvents;
    }

    public long sentBatches() {
        return sentBatches;
    }

    private void post(Batch batch) {
        if (batch.events.isEmpty()) {
            return;
        }
        StringBuilder body = new StringBuilder(batch.bytes + 16).append("{\"batch\":[");
        for (int i = 0; i < batch.events.size(); i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append(batch.events.get(i));
        }
        body.append("]}");
        HttpRequest.Builder request = HttpRequest.newBuilder(target.batchUrl())
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        if (batch.globalPrivacyControl) {
            request.header("Sec-GPC", "1");
        }
        String problem = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status / 100 == 2) {
                    sentEvents += batch.events.size();
                    sentBatches++;
                    batch.clear();
                    return;
                }
                String answer = response.body() == null ? "" : response.body();
                problem = "HTTP " + status + " " + answer.substring(0, Math.min(200, answer.length()));
                if (status != 429 && status < 500) {
                    break;
                }
            } catch (IOException e) {
                problem = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoWorldException(
                        DemoWorldErrorCode.COLLECTOR_FAILED, "Interrupted while posting events", e);
            }
            LockSupport.parkNanos(Duration.ofMillis(200L << attempt).toNanos());
        }
        throw new DemoWorldException(
                DemoWorldErrorCode.COLLECTOR_FAILED,
                "The collector at %s refused a batch of %d events: %s (check the URL, the write key and the collector's health)"
                        .formatted(target.batchUrl(), batch.events.size(), problem));
    }

    @Override
    public void close() {
        flush();
    }

    private static final class Batch {
        final boolean globalPrivacyControl;
        final List<String> events = new ArrayList<>();
        int bytes;

        Batch(boolean globalPrivacyControl) {
            this.globalPrivacyControl = globalPrivacyControl;
        }

        void add(String event, int size) {
            events.add(event);
            bytes += size + 1;
        }

        void clear() {
            events.clear();
            bytes = 0;
        }
    }
}
