package com.monstermart.cdp.ingestion.file;

import static org.assertj.core.api.Assertions.assertThat;

import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.DeadLetter;
import com.monstermart.cdp.event.EcommerceEvents;
import com.monstermart.cdp.ingestion.core.CompiledSource;
import com.monstermart.cdp.ingestion.core.SourceConnector;
import com.monstermart.cdp.ingestion.core.SourceMetrics;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceSpecs;
import com.monstermart.cdp.ingestion.core.SpecJson;
import com.monstermart.cdp.ingestion.testing.RecordingSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileDropConnectorTest {
    /** An hour ahead, so every file counts as stable. */
    private static final Clock LATER = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));

    @TempDir
    Path drop;

    private final RecordingSink sink = new RecordingSink();
    private final InMemoryFileStateStore states = new InMemoryFileStateStore();

    private FileDropConnector connector(String patternsYaml) {
        return connector(patternsYaml, LATER);
    }

    private FileDropConnector connector(String patternsYaml, Clock clock) {
        String yaml = """
                id: drops
                kind: file
                namespace: retail
                files:
                  directory: %s
                  patterns:
                %s
                """.formatted(drop, patternsYaml.indent(4));
        CompiledSource source = SourceSpecs.compile(SpecJson.readYaml(yaml, SourceSpec.class, "test"));
        return new FileDropConnector(
                source,
                List.of(new DirectoryFileStore(drop)),
                states,
                sink,
                new SourceMetrics(clock, Duration.ofMinutes(1)),
                clock,
                2,
                new SourceConnector.Listener() {
                    @Override
                    public void failed(Throwable cause) {
                        throw new AssertionError(cause);
                    }
                });
    }

    private void gzip(String name, String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        Files.write(drop.resolve(name), bytes.toByteArray());
    }

    @Test
    void rees46EventsPreset() throws IOException {
        gzip("rees46-events-2019-10.csv.gz", """
                event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session
                2019-10-01 00:00:00 UTC,view,44600062,2103807459595387724,,shiseido,35.79,541312140,72d76fde-8bb3-4e00-8c23-a032dfed738c
                2019-10-01 00:00:01 UTC,cart,3900821,2053013552326770905,appliances.environment.water_heater,aqua,33.20,554748717,9333dfbd-b87a-4708-9857-6336556b0fcc
                2019-10-01 00:00:02 UTC,remove_from_cart,3900821,2053013552326770905,appliances.environment.water_heater,aqua,33.20,554748717,9333dfbd-b87a-4708-9857-6336556b0fcc
                2019-10-01 00:00:03 UTC,purchase,1004856,2053013555631882655,electronics.smartphone,samsung,130.76,543272936,8187d148-3c41-46d4-b0c0-9c08cd9dc564
                2019-10-01 00:00:04 UTC,wishlist,1004856,2053013555631882655,electronics.smartphone,samsung,130.76,543272936,8187d148-3c41-46d4-b0c0-9c08cd9dc564
                2019-10-01 00:00:05 UTC,view,1004856,2053013555631882655,electronics.smartphone,samsung,-5.00,543272936,8187d148-3c41-46d4-b0c0-9c08cd9dc564
                2019-10-01 00:00:06 UTC,view,1004856,2053013555631882655,electronics.smartphone,samsung,130.76,,8187d148-3c41-46d4-b0c0-9c08cd9dc564
                """);

        connector("- {preset: rees46-events}").scanOnce();

        assertThat(sink.events())
                .extracting(event -> event.event().orElseThrow())
                .containsExactly(
                        EcommerceEvents.PRODUCT_VIEWED,
                        EcommerceEvents.PRODUCT_ADDED,
                        EcommerceEvents.PRODUCT_REMOVED,
                        EcommerceEvents.ORDER_COMPLETED);
        CanonicalEvent view = sink.events().getFirst();
        assertThat(view.userId()).contains("541312140");
        assertThat(view.timestamp()).isEqualTo(Instant.parse("2019-10-01T00:00:00Z"));
        assertThat(view.context().sessionId()).contains("72d76fde-8bb3-4e00-8c23-a032dfed738c");
        assertThat(view.properties())
                .containsEntry("product_id", "44600062")
                .containsEntry("brand", "shiseido")
                .containsEntry("price", new BigDecimal("35.79"))
                .doesNotContainKey("category");
        assertThat(view.context().source().position()).isEqualTo("file=rees46-events-2019-10.csv.gz line=2");
        CanonicalEvent purchase = sink.events().get(3);
        assertThat(purchase.properties()).containsEntry("revenue", new BigDecimal("130.76"));
        assertThat((List<?>) purchase.properties().get("products")).hasSize(1);
        assertThat(sink.deadLetters())
                .extracting(DeadLetter::position, DeadLetter::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "file=rees46-events-2019-10.csv.gz line=6",
                                "$: rule 'unknown-event-type': event_type is not view, cart, remove_from_cart or purchase"),
                        org.assertj.core.groups.Tuple.tuple(
                                "file=rees46-events-2019-10.csv.gz line=7",
                                "$.properties.price: must be >= 0 (was -5.00)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "file=rees46-events-2019-10.csv.gz line=8",
                                "$.userId: userId or anonymousId is required"));
        assertThat(sink.deadLetters().get(1).payload()).startsWith("2019-10-01 00:00:05 UTC,view,1004856");
    }

    @Test
    void electronicsPurchasesPresetGroupsOrders() throws IOException {
        Files.writeString(drop.resolve("electronics-purchases-2020-04.csv"), """
                event_time,order_id,product_id,category_id,category_code,brand,price,user_id
                2020-04-24 11:50:39 UTC,2294359932054536986,1515966223509089906,2268105426648170900,electronics.tablet,samsung,162.01,1515915625441993984
                2020-04-24 11:50:39 UTC,2294359932054536986,1515966223509089906,2268105426648170900,electronics.tablet,samsung,162.01,1515915625441993984
                2020-04-24 14:37:43 UTC,2294444024058086220,2273948319057183658,2268105430162997728,electronics.audio.headphone,huawei,77.52,
                2020-04-24 19:16:21 UTC,2294584263154074236,2273948316817424439,2268105471367840086,,karcher,217.57,1515915625443148002
                """);

        connector("- {preset: electronics-purchases}").scanOnce();

        assertThat(sink.events()).hasSize(3);
        CanonicalEvent first = sink.events().getFirst();
        assertThat(first.event()).contains(EcommerceEvents.ORDER_COMPLETED);
        assertThat(first.userId()).contains("1515915625441993984");
        assertThat(first.properties())
                .containsEntry("order_id", "2294359932054536986")
                .containsEntry("revenue", new BigDecimal("324.02"))
                .containsEntry("currency", "USD");
        assertThat((List<?>) first.properties().get("products")).hasSize(2);
        CanonicalEvent guest = sink.events().get(1);
        assertThat(guest.userId()).isEmpty();
        assertThat(guest.anonymousId()).contains("order-2294444024058086220");
        assertThat(sink.deadLetters()).isEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void onlineRetailPresetNormalisesMessyRows() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        Charset windows1252 = Charset.forName("windows-1252");
        file.write("""
                Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country
                489434,85048,15CM CHRISTMAS GLASS BALL 20 LIGHTS,12,2009-12-01 07:45:00,6.95,13085.0,United Kingdom
                489434,79323P,PINK CHERRY LIGHTS,12,12/1/2009 7:45,"6,75",13085.0,United Kingdom
                """.getBytes(StandardCharsets.UTF_8));
        file.write("489435,22350,CAFÉ CAT BOWL,3,2009-12-01 07:46:00,2.55,,France\n".getBytes(windows1252));
        file.write("""
                C489449,22087,PAPER BUNTING WHITE LACE,-12,2009-12-01 10:33:00,2.95,16321.0,Australia
                A506401,B,Adjust bad debt,1,2010-04-29 13:36:00,-53594.36,,United Kingdom
                489436,21232,STRAWBERRY CERAMIC TRINKET BOX,x,2009-12-01 09:06:00,1.25,13078.0,United Kingdom
                """.getBytes(StandardCharsets.UTF_8));
        Files.write(drop.resolve("online-retail-ii-2009.csv"), file.toByteArray());

        connector("- {preset: online-retail-ii}").scanOnce();

        assertThat(sink.events())
                .extracting(event -> event.event().orElseThrow())
                .containsExactly(
                        EcommerceEvents.ORDER_COMPLETED,
                        EcommerceEvents.ORDER_COMPLETED,
                        EcommerceEvents.ORDER_CANCELLED);
        CanonicalEvent first = sink.events().getFirst();
        assertThat(first.userId()).contains("13085");
        assertThat(first.timestamp()).isEqualTo(Instant.parse("2009-12-01T07:45:00Z"));
        assertThat(first.properties())
                .containsEntry("order_id", "489434")
                .containsEntry("revenue", new BigDecimal("164.40"))
                .containsEntry("currency", "GBP");
        assertThat((List<Object>) first.properties().get("products"))
                .containsExactly(
                        Map.of(
                                "product_id",
                                "85048",
                                "name",
                                "15CM CHRISTMAS GLASS BALL 20 LIGHTS",
                                "quantity",
                                12L,
                                "price",
                                new BigDecimal("6.95")),
                        Map.of(
                                "product_id",
                                "79323P",
                                "name",
                                "PINK CHERRY LIGHTS",
                                "quantity",
                                12L,
                                "price",
                                new BigDecimal("6.75")));
        CanonicalEvent guest = sink.events().get(1);
        assertThat(guest.anonymousId()).contains("invoice-489435");
        assertThat(((Map<?, ?>) ((List<?>) guest.properties().get("products")).getFirst()).get("name"))
                .isEqualTo("CAFÉ CAT BOWL");
        assertThat(guest.properties()).containsEntry("country", "France");
        assertThat(sink.deadLetters())
                .extracting(DeadLetter::position, DeadLetter::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "file=online-retail-ii-2009.csv line=6",
                                "$.properties.products[0].price: must be >= 0 (was -53594.36)"),
                        org.assertj.core.groups.Tuple.tuple(
                                "file=online-retail-ii-2009.csv line=7",
                                "$.properties.products[0].quantity: 'x' is not a number"));
    }

    @Test
    void growingFilesAreReadIncrementallyAndNeverTwice() throws IOException {
        String mapping = """
                - glob: "orders-*.csv"
                  events:
                    - type: track
                      event: Order Completed
                      userId: "${customer}"
                      properties: {order_id: "${order}", total: "${total|decimal}"}
                """;
        Path file = drop.resolve("orders-1.csv");
        Files.writeString(file, "order,customer,total\n1,c1,10.00\n2,c2,20.00\n3,c3,30");

        connector(mapping, Clock.systemUTC()).scanOnce();
        assertThat(sink.events()).as("the unterminated last line waits").hasSize(2);

        Files.writeString(file, ".50\n4,c4,40.00\n5,c5,5", StandardOpenOption.APPEND);
        connector(mapping, Clock.systemUTC()).scanOnce();
        assertThat(sink.events())
                .extracting(event -> event.properties().get("order_id"))
                .containsExactly("1", "2", "3", "4");
        assertThat(sink.events().get(2).properties()).containsEntry("total", new BigDecimal("30.50"));

        Files.writeString(file, "0.00\n", StandardOpenOption.APPEND);
        FileDropConnector restarted = connector(mapping);
        restarted.scanOnce();
        restarted.scanOnce();
        assertThat(sink.events())
                .extracting(event -> event.properties().get("order_id"))
                .containsExactly("1", "2", "3", "4", "5");
        assertThat(sink.events()).extracting(CanonicalEvent::messageId).doesNotHaveDuplicates();
        assertThat(sink.events().get(4).context().source().position()).isEqualTo("file=orders-1.csv line=6");
    }

    @Test
    void copiesAreSkippedAndReplacedFilesReadAgain() throws IOException {
        String mapping = """
                - glob: "orders-*.csv.gz"
                  events:
                    - {type: track, event: Order Completed, userId: "${customer}"}
                """;
        gzip("orders-1.csv.gz", "order,customer\n1,c1\n2,c2\n");
        connector(mapping).scanOnce();
        Files.copy(drop.resolve("orders-1.csv.gz"), drop.resolve("orders-1-copy.csv.gz"));
        connector(mapping).scanOnce();
        assertThat(sink.events()).hasSize(2);

        gzip("orders-1.csv.gz", "order,customer\n7,c7\n");
        connector(mapping).scanOnce();
        assertThat(sink.events())
                .extracting(event -> event.userId().orElseThrow())
                .containsExactly("c1", "c2", "c7");
    }

    @Test
    void jsonNdjsonAndTsv() throws IOException {
        String mapping = """
                - glob: "*.ndjson"
                  events: [{type: track, event: "${name}", userId: "${user.id}", properties: {price: "${price|decimal}"}}]
                - glob: "*.json"
                  events: [{type: identify, userId: "${id}", traits: {email: "${email}"}}]
                - glob: "*.tsv"
                  events: [{type: track, event: Product Viewed, userId: "${user}"}]
                """;
        Files.writeString(drop.resolve("a.ndjson"), """
                {"name":"Product Viewed","user":{"id":"u1"},"price":"1,50"}
                not json
                {"name":"Product Added","user":{"id":"u2"},"price":2}
                """);
        Files.writeString(drop.resolve("b.json"), "[{\"id\": 1, \"email\": \"a@example.com\"}, {\"id\": 2}]");
        Files.writeString(drop.resolve("c.tsv"), "user\tproduct\nu9\tp1\n");

        connector(mapping).scanOnce();

        assertThat(sink.events())
                .extracting(event -> event.userId().orElseThrow())
                .containsExactly("u1", "u2", "1", "2", "u9");
        assertThat(sink.events().getFirst().properties()).containsEntry("price", new BigDecimal("1.50"));
        assertThat(sink.deadLetters()).extracting(DeadLetter::position).containsExactly("file=a.ndjson line=2");
        assertThat(sink.deadLetters().getFirst().reason())
                .startsWith("$: malformed JSON at line 1, column 1: Unrecognized token");
    }

    @Test
    void raggedRowsAndUnknownFormatsAreDeadLettered() throws IOException {
        String mapping = """
                - glob: "*"
                  events: [{type: track, event: Product Viewed, userId: "${user}"}]
                """;
        Files.writeString(drop.resolve("a.csv"), "user,product\nu1,p1\nu2,p2,extra\n\"u3\",\"p, \"\"3\"\"\"\n");
        Files.writeString(drop.resolve("b.xlsx"), "binary");

        connector(mapping).scanOnce();

        assertThat(sink.events())
                .extracting(event -> event.userId().orElseThrow())
                .containsExactly("u1", "u3");
        assertThat(sink.deadLetters())
                .extracting(DeadLetter::position, DeadLetter::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("file=a.csv line=3", "$: has 3 fields, the header has 2"),
                        org.assertj.core.groups.Tuple.tuple(
                                "file=b.xlsx",
                                "cannot tell the file's format from its name; set format in pattern '*'"));
    }
}
