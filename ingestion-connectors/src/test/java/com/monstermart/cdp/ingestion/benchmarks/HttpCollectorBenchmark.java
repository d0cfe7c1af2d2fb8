package com.monstermart.cdp.ingestion.benchmarks;

import com.monstermart.cdp.localstack.StackEndpoints;
import com.monstermart.cdp.localstack.testing.CdpStack;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * HTTP collector events per second: the packaged service ({@code target/quarkus-app}, build it first) against the
 * stack, Segment batch calls of 500 track events (about 230 bytes each) from several client threads; a call counts
 * when it is answered 200, i.e. after Kafka acknowledged its events. Run by hand:
 *
 * <pre>java -cp ... com.monstermart.cdp.ingestion.benchmarks.HttpCollectorBenchmark [seconds] [client threads]</pre>
 */
public final class HttpCollectorBenchmark {
    private static final String WRITE_KEY = "bench-http-write-key";

    private HttpCollectorBenchmark() {}

    public static void main(String[] arguments) throws Exception {
        int seconds = arguments.length > 0 ? Integer.parseInt(arguments[0]) : 60;
        int clients = arguments.length > 1 ? Integer.parseInt(arguments[1]) : 4;
        CdpStack stack = CdpStack.get();
        StackEndpoints endpoints = stack.require("postgres", "kafka", "keycloak");
        String database = stack.createDatabase("bench_http");
        String topic = stack.createTopic("bench-http-raw", 6);
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx512m",
                        "--enable-native-access=ALL-UNNAMED",
                        "--sun-misc-unsafe-memory-access=allow",
                        "-jar",
                        "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target/http-benchmark-service.log").toFile());
        Map<String, String> environment = builder.environment();
        environment.put("QUARKUS_HTTP_PORT", Integer.toString(port));
        environment.put("QUARKUS_DATASOURCE_JDBC_URL", endpoints.postgres().jdbcUrl(database));
        environment.put("QUARKUS_DATASOURCE_USERNAME", endpoints.postgres().user());
        environment.put("QUARKUS_DATASOURCE_PASSWORD", endpoints.postgres().password());
        environment.put("KAFKA_BOOTSTRAP_SERVERS", endpoints.kafkaBootstrapServers());
        environment.put("QUARKUS_OIDC_AUTH_SERVER_URL", endpoints.keycloak().issuer());
        environment.put("CDP_INGESTION_KAFKA_RAW_TOPIC", topic);
        environment.put("CDP_INGESTION_SOURCES_BUILTIN", "shop-web");
        environment.put("CDP_SHOP_WEB_WRITE_KEY", WRITE_KEY);
        Process service = builder.start();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = "http://127.0.0.1:" + port;
        try {
            awaitReady(client, base, service);
            System.out.println(BenchmarkSupport.machine() + "; load " + loadAverage());
            run(client, base, 10, clients, "warm-up");
            run(client, base, seconds, clients, "measured");
            System.out.println("load after: " + loadAverage());
        } finally {
            service.destroy();
            service.waitFor();
        }
    }

    private static void run(HttpClient client, String base, int seconds, int clients, String label) throws Exception {
        String authorization =
                "Basic " + Base64.getEncoder().encodeToString((WRITE_KEY + ":").getBytes(StandardCharsets.UTF_8));
        AtomicLong events = new AtomicLong();
        AtomicLong failures = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            int clientId = c;
            workers.add(pool.submit(() -> {
                long sequence = 0;
                while (System.nanoTime() < deadline) {
                    String body = batch(clientId, sequence, 500);
                    sequence += 500;
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/v1/batch"))
                            .header("Authorization", authorization)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build();
                    try {
                        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() == 200) {
                            events.addAndGet(500);
                            bytes.addAndGet(body.length());
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> worker : workers) {
            worker.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "%-9s %d clients, %5.1f s: %,d events (%,d MB) = %,.0f events/s, %d failed calls%n",
                label, clients, elapsed, events.get(), bytes.get() >> 20, events.get() / elapsed, failures.get());
    }

    private static String batch(int client, long first, int size) {
        StringBuilder body = new StringBuilder(size * 240).append("{\"batch\":[");
        for (int i = 0; i < size; i++) {
            long n = first + i;
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"type\":\"track\",\"event\":\"Product Viewed\",\"messageId\":\"c")
                    .append(client)
                    .append('-')
                    .append(n)
                    .append("\",\"userId\":\"")
                    .append(n % 50_000)
                    .append("\",\"timestamp\":\"2026-11-21T10:15:30.123Z\",\"properties\":{\"product_id\":\"SKU-")
                    .append(n % 997)
                    .append(
                            "\",\"price\":19.90,\"currency\":\"EUR\"},\"context\":{\"page\":{\"url\":\"https://shop.monstermart.example/p/")
                    .append(n % 997)
                    .append("\"}}}");
        }
        return body.append("]}").toString();
    }

    private static void awaitReady(HttpClient client, String base, Process service) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("The service stopped; see target/http-benchmark-service.log");
            }
            try {
                HttpResponse<Void> response = client.send(
                        HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    LockSupport.parkNanos(Duration.ofSeconds(3).toNanos());
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
        throw new IllegalStateException("The service was not ready within 3 minutes");
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
