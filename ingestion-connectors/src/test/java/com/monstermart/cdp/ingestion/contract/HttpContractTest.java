package com.monstermart.cdp.ingestion.contract;

import static io.restassured.RestAssured.given;

import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.testing.Sources;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

@QuarkusTest
class HttpContractTest extends SourceContractTest {
    private String writeKey;
    private final List<String> sent = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();

    @Override
    protected SourceKind kind() {
        return SourceKind.HTTP;
    }

    @Override
    protected String createSource() {
        String id = Sources.uniqueId("contract-web");
        writeKey = registry.create(
                        SpecJson.readYaml(
                                "{id: %s, kind: http, namespace: web}".formatted(id), SourceSpec.class, "test"),
                        "contract test")
                .writeKey()
                .orElseThrow();
        return id;
    }

    @Override
    protected void produce(String id, int from, int count) {
        StringBuilder batch = new StringBuilder("{\"batch\": [");
        for (int n = from; n < from + count; n++) {
            batch.append(n == from ? "" : ",")
                    .append(
                            "{\"type\": \"track\", \"event\": \"Product Viewed\", \"userId\": \"u%d\", \"messageId\": \"m%d\", \"properties\": {\"n\": %d}}"
                                    .formatted(n, n, n));
        }
        String body = batch.append("]}").toString();
        int status = post(body);
        if (status == 503) {
            refused.add(body);
        } else {
            sent.add(body);
        }
    }

    private int post(String body) {
        return given().header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder().encodeToString((writeKey + ":").getBytes(StandardCharsets.UTF_8)))
                .body(body)
                .post("/v1/batch")
                .statusCode();
    }

    @Override
    protected void replay(String id) {
        for (String body : sent) {
            post(body);
        }
    }

    @Override
    protected void resumed(String id) {
        for (String body : refused) {
            org.assertj.core.api.Assertions.assertThat(post(body)).isEqualTo(200);
        }
        refused.clear();
    }
}
