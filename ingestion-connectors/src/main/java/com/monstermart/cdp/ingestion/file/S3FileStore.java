package com.monstermart.cdp.ingestion.file;

import static java.util.Objects.requireNonNull;

import com.monstermart.cdp.ingestion.core.S3Spec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Objects of an S3-compatible bucket (AWS S3, MinIO, Ceph): ListObjectsV2 and ranged GetObject, signed with AWS
 * Signature Version 4, over the JDK's HTTP client (no SDK). Keys under the prefix are the files; "directories" are
 * skipped.
 */
public final class S3FileStore implements FileStore {
    private static final DateTimeFormatter AMZ_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final S3Spec spec;
    private final HttpClient client;

    public S3FileStore(S3Spec spec) {
        this.spec = requireNonNull(spec, "spec is null");
        this.client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public String describe() {
        return "s3 bucket %s at %s (prefix '%s')".formatted(spec.bucket(), spec.endpoint(), spec.prefix());
    }

    @Override
    public List<FileEntry> list() throws IOException {
        List<FileEntry> entries = new ArrayList<>();
        String continuation = null;
        do {
            Map<String, String> query = new TreeMap<>();
            query.put("list-type", "2");
            if (!spec.prefix().isEmpty()) {
                query.put("prefix", spec.prefix());
            }
            if (continuation != null) {
                query.put("continuation-token", continuation);
            }
            HttpResponse<byte[]> response = send("", query, Map.of());
            Document document = parse(response.body());
            NodeList contents = document.getElementsByTagNameNS("*", "Contents");
            for (int i = 0; i < contents.getLength(); i++) {
                Element content = (Element) contents.item(i);
                String key = text(content, "Key");
                if (key == null || key.endsWith("/")) {
                    continue;
                }
                entries.add(new FileEntry(
                        key, Long.parseLong(text(content, "Size")), Instant.parse(text(content, "LastModified"))));
            }
            continuation = "true".equals(text(document.getDocumentElement(), "IsTruncated"))
                    ? text(document.getDocumentElement(), "NextContinuationToken")
                    : null;
        } while (continuation != null);
        return entries;
    }

    @Override
    public InputStream open(FileEntry entry, long offset) throws IOException {
        Map<String, String> headers = offset > 0 ? Map.of("range", "bytes=" + offset + "-") : Map.of();
        return new ByteArrayInputStream(send(entry.key(), Map.of(), headers).body());
    }

    @Override
    public byte[] prefix(FileEntry entry, int length) throws IOException {
        if (length == 0) {
            return new byte[0];
        }
        return send(entry.key(), Map.of(), Map.of("range", "bytes=0-" + (length - 1)))
                .body();
    }

    private HttpResponse<byte[]> send(String key, Map<String, String> query, Map<String, String> extraHeaders)
            throws IOException {
        URI endpoint = URI.create(spec.endpoint().endsWith("/") ? spec.endpoint() : spec.endpoint() + "/");
        String host = spec.pathStyle() ? endpoint.getRawAuthority() : spec.bucket() + "." + endpoint.getRawAuthority();
        String path = spec.pathStyle()
                ? "/" + encodePath(spec.bucket()) + (key.isEmpty() ? "" : "/" + encodePath(key))
                : "/" + encodePath(key);
        String canonicalQuery = canonicalQuery(query);
        URI uri = URI.create(
                endpoint.getScheme() + "://" + host + path + (canonicalQuery.isEmpty() ? "" : "?" + canonicalQuery));
        Instant now = Instant.now();
        String amzDate = AMZ_DATE.format(now);
        String date = amzDate.substring(0, 8);
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", host);
        headers.put("x-amz-content-sha256", EMPTY_SHA256);
        headers.put("x-amz-date", amzDate);
        headers.putAll(extraHeaders);
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (spec.accessKey() != null && spec.secretKey() != null) {
            String signedHeaders = String.join(";", headers.keySet());
            StringBuilder canonicalHeaders = new StringBuilder();
            headers.forEach((name, value) -> canonicalHeaders
                    .append(name)
                    .append(':')
                    .append(value.strip())
                    .append('\n'));
            String canonicalRequest = String.join(
                    "\n", "GET", path, canonicalQuery, canonicalHeaders.toString(), signedHeaders, EMPTY_SHA256);
            String scope = date + "/" + spec.region() + "/s3/aws4_request";
            String toSign = "AWS4-HMAC-SHA256\n" + amzDate + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
            byte[] key1 = hmac(("AWS4" + spec.secretKey()).getBytes(StandardCharsets.UTF_8), date);
            byte[] key2 = hmac(key1, spec.region());
            byte[] key3 = hmac(key2, "s3");
            byte[] signingKey = hmac(key3, "aws4_request");
            String signature = HexFormat.of().formatHex(hmac(signingKey, toSign));
            request.header(
                    "Authorization",
                    "AWS4-HMAC-SHA256 Credential=%s/%s, SignedHeaders=%s, Signature=%s"
                            .formatted(spec.accessKey(), scope, signedHeaders, signature));
        }
        headers.forEach((name, value) -> {
            if (!name.equals("host")) {
                request.header(name, value);
            }
        });
        try {
            HttpResponse<byte[]> response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() >= 300) {
                throw new IOException("%s answered HTTP %d for %s"
                        .formatted(describe(), response.statusCode(), key.isEmpty() ? "the listing" : key));
            }
            return response;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading " + describe(), e);
        }
    }

    private static String canonicalQuery(Map<String, String> query) {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(query).forEach((name, value) -> {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(encode(name)).append('=').append(encode(value));
        });
        return out.toString();
    }

    private static String encodePath(String path) {
        StringBuilder out = new StringBuilder();
        for (String segment : path.split("/", -1)) {
            if (!out.isEmpty() || path.startsWith("/")) {
                out.append('/');
            }
            out.append(encode(segment));
        }
        return path.startsWith("/") ? out.substring(1) : out.toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String sha256Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Document parse(byte[] xml) throws IOException {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException("The bucket listing is not valid XML: " + e.getMessage(), e);
        }
    }

    private static String text(Element parent, String name) {
        NodeList nodes = parent.getElementsByTagNameNS("*", name);
        return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent();
    }
}
