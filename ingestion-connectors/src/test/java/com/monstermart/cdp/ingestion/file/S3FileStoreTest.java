package com.monstermart.cdp.ingestion.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.ingestion.core.S3Spec;
import com.monstermart.cdp.ingestion.core.SourceMetrics;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceSpecs;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.testing.RecordingSink;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The bucket client against a hand-written S3 endpoint (ListObjectsV2 with pagination, ranged GET): requests are
 * signed (AWS4-HMAC-SHA256) and files are read incrementally like a directory's.
 */
class S3FileStoreTest {
    private HttpServer server;
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private final Map<String, String> objects = new java.util.concurrent.ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/drops", exchange -> {
            authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            String path = exchange.getRequestURI().getPath();
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body;
            int status = 200;
            if (path.equals("/drops") && query != null && query.contains("list-type=2")) {
                boolean second = query.contains("continuation-token=page2");
                StringBuilder xml = new StringBuilder(
                        "<?xml version=\"1.0\"?><ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
                List<String> keys = objects.keySet().stream().sorted().toList();
                List<String> page = second ? keys.subList(1, keys.size()) : keys.subList(0, Math.min(1, keys.size()));
                for (String key : page) {
                    xml.append("<Contents><Key>")
                            .append(key)
                            .append("</Key><Size>")
                            .append(objects.get(key).getBytes(StandardCharsets.UTF_8).length)
                            .append("</Size><LastModified>2026-11-21T09:00:00.000Z</LastModified></Contents>");
                }
                xml.append(
                        "<Contents><Key>incoming/</Key><Size>0</Size><LastModified>2026-11-21T09:00:00.000Z</LastModified></Contents>");
                boolean truncated = !second && keys.size() > 1;
                xml.append("<IsTruncated>").append(truncated).append("</IsTruncated>");
                if (truncated) {
                    xml.append("<NextContinuationToken>page2</NextContinuationToken>");
                }
                body = xml.append("</ListBucketResult>").toString().getBytes(StandardCharsets.UTF_8);
            } else {
                String key = path.substring("/drops/".length());
                String object = objects.get(key);
                if (object == null) {
                    status = 404;
                    body = new byte[0];
                } else {
                    byte[] bytes = object.getBytes(StandardCharsets.UTF_8);
                    String range = exchange.getRequestHeaders().getFirst("Range");
                    if (range != null) {
                        String[] bounds = range.substring("bytes=".length()).split("-", -1);
                        int from = Integer.parseInt(bounds[0]);
                        int to = bounds[1].isEmpty()
                                ? bytes.length - 1
                                : Math.min(bytes.length - 1, Integer.parseInt(bounds[1]));
                        bytes = java.util.Arrays.copyOfRange(bytes, from, to + 1);
                        status = 206;
                    }
                    body = bytes;
                }
            }
            try (InputStream ignored = exchange.getRequestBody()) {
                exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
                if (body.length > 0) {
                    exchange.getResponseBody().write(body);
                }
            }
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Test
    void listsPagesAndReadsRanges() throws IOException {
        objects.put("incoming/a.csv", "n,user\n1,u1\n");
        objects.put("incoming/b.csv", "n,user\n2,u2\n");
        S3FileStore store =
                new S3FileStore(new S3Spec(endpoint(), null, "drops", "incoming/", "AKIDEXAMPLE", "secret", null));

        List<FileEntry> entries = store.list();

        assertThat(entries).extracting(FileEntry::key).containsExactly("incoming/a.csv", "incoming/b.csv");
        assertThat(entries.getFirst().fileName()).isEqualTo("a.csv");
        try (InputStream in = store.open(entries.getFirst(), 7)) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("1,u1\n");
        }
        assertThat(new String(store.prefix(entries.getFirst(), 3), StandardCharsets.UTF_8))
                .isEqualTo("n,u");
        assertThat(authorizations).allSatisfy(header -> assertThat(header)
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/")
                .containsPattern(
                        "/us-east-1/s3/aws4_request, SignedHeaders=host;(range;)?x-amz-content-sha256;x-amz-date,")
                .containsPattern("Signature=[0-9a-f]{64}$"));
    }

    @Test
    void aBucketSourceReadsNewObjectsAndAppendedTails() throws IOException {
        objects.put("incoming/orders-1.csv", "order,customer\n1,c1\n");
        SourceSpec spec = SpecJson.readYaml("""
                id: bucket
                kind: file
                files:
                  s3: {endpoint: "%s", bucket: drops, prefix: incoming/, accessKey: AKIDEXAMPLE, secretKey: secret}
                  patterns: [{glob: "orders-*.csv", events: [{type: track, event: Order Completed, userId: "${customer}"}]}]
                """.formatted(endpoint()), SourceSpec.class, "test");
        RecordingSink sink = new RecordingSink();
        Clock clock = Clock.systemUTC();
        FileDropConnector connector = new FileDropConnector(
                SourceSpecs.compile(spec),
                FileStores.of(spec.files()),
                new InMemoryFileStateStore(),
                sink,
                new SourceMetrics(clock, Duration.ofMinutes(1)),
                clock,
                100,
                cause -> {
                    throw new AssertionError(cause);
                });

        connector.scanOnce();
        objects.put("incoming/orders-1.csv", "order,customer\n1,c1\n2,c2\n");
        connector.scanOnce();

        assertThat(sink.events())
                .extracting(event -> event.userId().orElseThrow())
                .containsExactly("c1", "c2");
        assertThat(sink.events().getFirst().context().source().position()).isEqualTo("file=orders-1.csv line=2");
    }
}
