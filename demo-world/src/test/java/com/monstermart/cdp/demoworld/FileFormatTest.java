package com.monstermart.cdp.demoworld;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.monstermart.cdp.demoworld.output.FileLayouts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files use the public formats' exact headers and value formats; messy rows are exactly those in the truth. */
class FileFormatTest {
    @TempDir
    static Path directory;

    static DemoWorldSettings settings;
    static Map<String, Set<Long>> messyLines = new HashMap<>();

    @BeforeAll
    static void generate() {
        settings = DemoWorldSettings.builder()
                .customers(3000)
                .days(40)
                .seed(5)
                .liveWindow(Duration.ofHours(12))
                .messyRowRate(0.02)
                .outputDirectory(directory.resolve("out"))
                .dropDirectory(directory.resolve("drop"))
                .build();
        DemoWorld.generate(settings);
        for (Map<String, String> row : TruthFiles.read(settings.truthDirectory().resolve("messy-rows.csv"))) {
            messyLines.computeIfAbsent(row.get("file"), key -> new HashSet<>()).add(Long.parseLong(row.get("line")));
        }
    }

    private static List<Path> drops(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(settings.dropDirectory())) {
            return files.filter(file -> file.getFileName().toString().startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    /** Checks each line of the files with a prefix; messy lines must fail the clean pattern, others match it. */
    private static int check(String prefix, String header, String pattern, java.nio.charset.Charset charset)
            throws IOException {
        List<Path> files = drops(prefix);
        assertThat(files).isNotEmpty();
        int messy = 0;
        for (Path file : files) {
            String name = file.getFileName().toString();
            byte[] bytes;
            try (InputStream stream = name.endsWith(".gz")
                    ? new GZIPInputStream(Files.newInputStream(file))
                    : Files.newInputStream(file)) {
                bytes = stream.readAllBytes();
            }
            boolean latin1 = messyLines.getOrDefault(name, Set.of()).contains(0L);
            String text = new String(bytes, latin1 ? StandardCharsets.ISO_8859_1 : charset);
            String[] lines = text.split("\n", -1);
            assertThat(lines[0]).as(name).isEqualTo(header);
            for (int i = 1; i < lines.length - 1; i++) {
                boolean expectedMessy = messyLines.getOrDefault(name, Set.of()).contains((long) i + 1);
                if (expectedMessy) {
                    messy++;
                    assertThat(lines[i]).as("%s line %d", name, i + 1).doesNotMatch(pattern);
                } else {
                    assertThat(lines[i]).as("%s line %d", name, i + 1).matches(pattern);
                }
            }
            assertThat(lines[lines.length - 1]).isEmpty();
        }
        return messy;
    }

    @Test
    void rees46EventsAreGzippedCsvWithThePublicHeader() throws IOException {
        int messy = check(
                "rees46-events-",
                "event_time,event_type,product_id,category_id,category_code,brand,price,user_id,user_session",
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC,(view|cart|remove_from_cart|purchase),\\d+,\\d+,[a-z_.]+,"
                        + "[^,]+,\\d+\\.\\d\\d,\\d+,[0-9a-f-]{36}",
                StandardCharsets.UTF_8);
        assertThat(messy).isPositive();
    }

    @Test
    void electronicsPurchasesUseThePublicHeader() throws IOException {
        check(
                "electronics-purchases-",
                FileLayouts.ELECTRONICS_HEADER,
                "\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC,\\d+,\\d+,\\d+,(electronics|computers|appliances)\\.[a-z_.]+,"
                        + "[^,]+,\\d+\\.\\d\\d,\\d+",
                StandardCharsets.UTF_8);
    }

    @Test
    void onlineRetailUsesThePublicHeaderDatesAndCancellations() throws IOException {
        check(
                "online-retail-ii-",
                "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country",
                "(\\d{6},\\d{5}[A-Z]?,[^,]+,\\d+|C\\d{6},\\d{5}[A-Z]?,[^,]+,-\\d+),\\d{1,2}/\\d{1,2}/\\d{4} \\d{1,2}:\\d\\d,"
                        + "\\d+\\.\\d\\d,(\\d{5,})?,(United Kingdom|EIRE|Germany|France|Netherlands|Spain)",
                StandardCharsets.UTF_8);
        String latin1File = "online-retail-ii-" + settings.start().toString().substring(0, 7) + ".csv";
        assertThat(messyLines.get(latin1File)).contains(0L);
        StringBuilder all = new StringBuilder();
        for (Path file : drops("online-retail-ii-")) {
            boolean latin1 = file.getFileName().toString().equals(latin1File);
            all.append(Files.readString(file, latin1 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8));
        }
        assertThat(all).contains("KÖLN KANDLE");
    }

    @Test
    void ticketsAreCsvWithContactDetails() throws IOException {
        check(
                "cs-tickets-",
                FileLayouts.TICKETS_HEADER,
                "CS-\\d+,\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z,(email|phone|chat|web_form),[^,]+,"
                        + "([^,]+,[^,]*|,[^,]+),[^,]*,(payment|return|delivery|account|product),.+",
                StandardCharsets.UTF_8);
    }

    @Test
    void liveWindowRowsArriveAsTheirOwnFiles() throws IOException {
        assertThat(drops("rees46-events-live-").stream()
                        .map(p -> p.getFileName().toString()))
                .allMatch(name -> name.equals("rees46-events-live-20261031T120000Z.csv.gz"));
        assertThat(Files.exists(settings.segmentDirectory().resolve("segment-events-live-20261031T120000Z.ndjson")))
                .isTrue();
    }

    @Test
    void segmentEventsFollowTheTrackingApiAndTheEcommerceSpec() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        Set<String> messageIds = new HashSet<>();
        Set<String> events = new HashSet<>();
        Set<String> gpcPersons = new HashSet<>();
        for (Map<String, String> person :
                TruthFiles.read(settings.truthDirectory().resolve("persons.csv"))) {
            if (person.get("gpc").equals("true")) {
                gpcPersons.add(person.get("person_id"));
            }
        }
        Map<String, String> sessionPerson = new HashMap<>();
        for (Map<String, String> session :
                TruthFiles.read(settings.truthDirectory().resolve("sessions.csv"))) {
            sessionPerson.put(session.get("session_id"), session.get("person_id"));
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(settings.segmentDirectory())) {
            listing.sorted().forEach(files::add);
        }
        long count = 0;
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                assertThat(line.getBytes(StandardCharsets.UTF_8).length).isLessThan(32 * 1024);
                JsonNode event = mapper.readTree(line);
                count++;
                assertThat(event.get("type").asText()).isIn("page", "track", "identify", "alias");
                assertThat(messageIds.add(event.get("messageId").asText())).isTrue();
                assertThat(event.get("timestamp").asText())
                        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
                assertThat(event.get("anonymousId").asText()).hasSize(36);
                JsonNode context = event.get("context");
                assertThat(context.get("ip").asText()).matches("(203\\.0\\.113|198\\.51\\.100)\\.\\d+");
                assertThat(context.get("userAgent").asText()).isNotBlank();
                String session = context.get("sessionId").asText();
                assertThat(sessionPerson).containsKey(session);
                assertThat(context.path("gpc").asBoolean(false))
                        .isEqualTo(gpcPersons.contains(sessionPerson.get(session)));
                if (event.has("event")) {
                    events.add(event.get("event").asText());
                }
                if (event.get("type").asText().equals("identify")) {
                    assertThat(event.get("traits").has("email")).isTrue();
                }
            }
        }
        assertThat(count).isPositive();
        assertThat(events)
                .containsExactlyInAnyOrder(
                        "Product Viewed",
                        "Product Added",
                        "Product Removed",
                        "Cart Viewed",
                        "Checkout Started",
                        "Payment Info Entered",
                        "Order Completed",
                        "Experiment Viewed");
    }

    @Test
    void everyFileRecordHasItsTruePerson() throws IOException {
        Map<String, Set<String>> truth = new HashMap<>();
        for (Map<String, String> record :
                TruthFiles.read(settings.truthDirectory().resolve("records.csv"))) {
            truth.computeIfAbsent(record.get("source"), key -> new HashSet<>()).add(record.get("record_id"));
        }
        Set<String> sessions = new HashSet<>();
        for (Map<String, String> session :
                TruthFiles.read(settings.truthDirectory().resolve("sessions.csv"))) {
            sessions.add(session.get("session_id"));
        }
        for (Path file : drops("rees46-events-")) {
            String text =
                    new String(new GZIPInputStream(Files.newInputStream(file)).readAllBytes(), StandardCharsets.UTF_8);
            for (Map<String, String> row : TruthFiles.parse(text)) {
                assertThat(truth.get("app.user_id")).contains(row.get("user_id"));
                if (!row.get("user_session").isEmpty()) {
                    assertThat(sessions).contains(row.get("user_session"));
                }
            }
        }
        for (Path file : drops("electronics-purchases-")) {
            for (Map<String, String> row : TruthFiles.read(file)) {
                assertThat(truth.get("marketplace.user_id")).contains(row.get("user_id"));
                assertThat(truth.get("marketplace.orders")).contains(row.get("order_id"));
            }
        }
        for (Path file : drops("online-retail-ii-")) {
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            for (Map<String, String> row : TruthFiles.parse(text)) {
                assertThat(truth.get("catalogue.invoices")).contains(row.get("Invoice"));
                String customer = row.get("Customer ID").replace(".0", "");
                if (!customer.isEmpty()) {
                    assertThat(truth.get("catalogue.customer_id")).contains(customer);
                }
            }
        }
        for (Path file : drops("cs-tickets-")) {
            for (Map<String, String> row : TruthFiles.read(file)) {
                assertThat(truth.get("cs.tickets")).contains(row.get("ticket_id"));
            }
        }
        ObjectMapper mapper = new ObjectMapper();
        try (Stream<Path> files = Files.list(settings.segmentDirectory())) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    JsonNode event = mapper.readTree(line);
                    assertThat(truth.get("web.anonymous_id"))
                            .contains(event.get("anonymousId").asText());
                    if (event.has("userId")) {
                        assertThat(truth.get("shop.customers"))
                                .contains(event.get("userId").asText());
                    }
                }
            }
        }
    }

    @Test
    void phoneNumbersParseInTheirCountry() {
        PhoneNumberUtil phones = PhoneNumberUtil.getInstance();
        int checked = 0;
        for (Map<String, String> person :
                TruthFiles.read(settings.truthDirectory().resolve("persons.csv"))) {
            for (String column : List.of("mobile", "landline")) {
                String number = person.get(column);
                if (number.isEmpty()) {
                    continue;
                }
                try {
                    assertThat(phones.isValidNumber(phones.parse(number, person.get("country"))))
                            .as("%s in %s", number, person.get("country"))
                            .isTrue();
                } catch (NumberParseException e) {
                    throw new AssertionError(number + ": " + e.getMessage(), e);
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(3000);
    }

    @Test
    void personsHaveVariedNamesAndDistinctEmails() {
        List<Map<String, String>> persons =
                TruthFiles.read(settings.truthDirectory().resolve("persons.csv"));
        assertThat(persons).hasSize(3000);
        assertThat(persons.stream().map(p -> p.get("first_name")).distinct().count())
                .isGreaterThan(80);
        assertThat(persons.stream().map(p -> p.get("last_name")).distinct().count())
                .isGreaterThan(300);
        assertThat(persons.stream().map(p -> p.get("email")).distinct().count()).isEqualTo(3000);
    }
}
