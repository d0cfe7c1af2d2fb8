package com.monstermart.cdp.demoworld;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.monstermart.cdp.demoworld.core.Privacy;
import com.monstermart.cdp.demoworld.output.SegmentSender;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Posting to a Segment-compatible collector, against a small local HTTP server. */
class CollectorTest {
    /** A request the fake collector received. */
    record Received(String authorization, String gpcHeader, int bytes, JsonNode body) {}

    private HttpServer server;
    private final List<Received> received = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger failuresToServe = new AtomicInteger();
    private volatile int status = 200;

    @TempDir
    Path directory;

    @BeforeEach
    void startCollector() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ObjectMapper mapper = new ObjectMapper();
        server.createContext("/v1/batch", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            int answer = failuresToServe.getAndDecrement() > 0 ? 503 : status;
            if (answer == 200) {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("Authorization"),
                        exchange.getRequestHeaders().getFirst("Sec-GPC"),
                        body.length,
                        mapper.readTree(body)));
            }
            byte[] response =
                    (answer == 200 ? "{\"success\":true}" : "{\"error\":\"nope\"}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(answer, response.length);
            exchange.getResponseBody().write(response);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopCollector() {
        server.stop(0);
    }

    private CollectorTarget target() {
        return new CollectorTarget(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "demo-write-key");
    }

    @Test
    void postsBatchesWithinSegmentLimitsAndSeparatesGlobalPrivacyControl() {
        String padding = "x".repeat(2000);
        try (SegmentSender sender = new SegmentSender(target())) {
            for (int i = 0; i < 600; i++) {
                boolean gpc = i % 10 == 0;
                sender.add(
                        "{\"type\":\"track\",\"event\":\"Product Viewed\",\"messageId\":\"m-" + i
                                + "\",\"properties\":{\"pad\":\"" + padding + "\"},\"context\":{"
                                + (gpc ? "\"gpc\":true" : "\"ip\":\"203.0.113.1\"") + "}}",
                        gpc ? Privacy.GLOBAL_PRIVACY_CONTROL : Privacy.DEFAULT);
            }
        }
        assertThat(received).hasSizeGreaterThan(2);
        Set<String> ids = new HashSet<>();
        String expectedAuth =
                "Basic " + Base64.getEncoder().encodeToString("demo-write-key:".getBytes(StandardCharsets.UTF_8));
        for (Received request : received) {
            assertThat(request.authorization()).isEqualTo(expectedAuth);
            assertThat(request.bytes()).isLessThanOrEqualTo(500 * 1024);
            boolean gpcBatch = "1".equals(request.gpcHeader());
            for (JsonNode event : request.body().get("batch")) {
                assertThat(ids.add(event.get("messageId").asText())).isTrue();
                assertThat(event.path("context").path("gpc").asBoolean(false)).isEqualTo(gpcBatch);
            }
        }
        assertThat(ids).hasSize(600);
    }

    @Test
    void retriesWhenTheCollectorIsBrieflyUnavailable() {
        failuresToServe.set(2);
        try (SegmentSender sender = new SegmentSender(target())) {
            sender.add("{\"type\":\"track\",\"event\":\"Cart Viewed\",\"messageId\":\"m-1\"}", Privacy.DEFAULT);
            sender.flush();
            assertThat(sender.sentEvents()).isEqualTo(1);
        }
        assertThat(received).hasSize(1);
    }

    @Test
    void aRefusedBatchFailsWithTheStatus() {
        status = 401;
        SegmentSender sender = new SegmentSender(target());
        sender.add("{\"type\":\"track\",\"event\":\"Cart Viewed\",\"messageId\":\"m-1\"}", Privacy.DEFAULT);
        assertThatThrownBy(sender::flush)
                .isInstanceOf(DemoWorldException.class)
                .hasMessageContaining("refused a batch of 1 events: HTTP 401")
                .hasMessageContaining("check the URL, the write key");
    }

    @Test
    void anOversizedEventIsRefusedBeforeSending() {
        SegmentSender sender = new SegmentSender(target());
        assertThatThrownBy(() -> sender.add("{\"pad\":\"" + "y".repeat(40_000) + "\"}", Privacy.DEFAULT))
                .isInstanceOf(DemoWorldException.class)
                .hasMessageContaining("exceeds the 32 KB limit");
    }

    @Test
    void generatePostsEveryEventItWritesAndReplaysTheLiveWindowInRealTime() throws IOException {
        Instant end = Instant.parse("2026-11-01T00:00:00Z");
        DemoWorldSettings settings = DemoWorldSettings.builder()
                .customers(300)
                .days(10)
                .seed(3)
                .end(end)
                .liveWindow(Duration.ofHours(2))
                .realtime(7200)
                .collector(target())
                .outputDirectory(directory.resolve("out"))
                .dropDirectory(directory.resolve("drop"))
                .build();
        long started = System.nanoTime();
        GenerationSummary summary = DemoWorld.generate(settings);
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        long lines = 0;
        try (Stream<Path> files = Files.list(settings.segmentDirectory())) {
            for (Path file : files.toList()) {
                lines += Files.readAllLines(file).size();
            }
        }
        assertThat(summary.segmentEvents()).isEqualTo(lines).isPositive();
        assertThat(summary.segmentEventsPosted()).isEqualTo(lines);
        long postedEvents =
                received.stream().mapToLong(r -> r.body().get("batch").size()).sum();
        assertThat(postedEvents).isEqualTo(lines);
        // Two simulated hours at 7200x take about a second of real time.
        assertThat(elapsed).isGreaterThan(Duration.ofMillis(500));
    }
}
