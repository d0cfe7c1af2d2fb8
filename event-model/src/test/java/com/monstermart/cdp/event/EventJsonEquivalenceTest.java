package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.monstermart.cdp.event.benchmarks.EventWorkload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link EventJson#fromBytes} (streaming, falling back to the tree) gives what the tree-based reader gives: the same
 * event for every valid document, the same exception (type and message) for every invalid one.
 */
class EventJsonEquivalenceTest {
    private static final ObjectMapper MAPPER = EventJson.mapper();
    private static final JsonFactory FACTORY = MAPPER.getFactory();
    private static final Pattern BLOCK = Pattern.compile("<!-- ([a-z-]+) -->\\s*```json\\n(.*?)```", Pattern.DOTALL);

    /** Documents the other tests use (EventJsonTest and docs/event-contract.md), valid and invalid. */
    private static final List<String> DOCUMENTS =
            List.of("""
            {"type":"page","messageId":"m1","timestamp":"2026-11-21T11:15:30+01:00",
             "receivedAt":"2026-11-21T10:15:31Z","userId":42,"name":"Home",
             "context":{"source":{"id":"shop-web","kind":"http","position":"p"},"sessionId":7},
             "someFutureField":{"ignored":true}}
            """, """
            {"type":"track","timestamp":"yesterday","receivedAt":12,
             "traits":[1],"context":{"source":{"id":"Shop Web","kind":"ftp","position":"p"},"gpc":"yes"},
             "identifiers":[{"type":"shoe-size","namespace":"global","value":"9"}]}
            """, """
            {"type":"track","messageId":"m1","timestamp":"2026-11-21T10:15:30Z",
             "receivedAt":"2026-11-21T10:15:31Z",
             "context":{"source":{"id":"shop-web","kind":"http","position":"p"}}}
            """, "{\"type\":\"group\"}", "{\"type\":\n\"track\",,}", "[]", "", """
            {"type":"identify","messageId":"m1","timestamp":"2026-11-21T10:15:30Z",
             "receivedAt":"2026-11-21T10:15:31Z","anonymousId":"a1",
             "context":{"source":{"id":"shop-web","kind":"http","position":"p"},
               "os":{"name":"iOS","version":"18"},"screen":{"width":390},"traits":{"email":"x@example.com"}}}
            """);

    private static final String VALID = """
            {"type":"track","messageId":"m1","timestamp":"2026-11-21T10:15:30Z","receivedAt":"2026-11-21T10:15:31Z",
             "anonymousId":"a1","event":"Order Completed",
             "properties":{"total":%s},
             "context":{"source":{"id":"shop-web","kind":"http","position":"p"}}}
            """;

    private static final String GROUP = """
            {"type":"group","messageId":"m1","timestamp":"2026-11-21T10:15:30Z","receivedAt":"2026-11-21T10:15:31Z",
             "userId":"42","groupId":"guild-7","traits":{"name":"The Fen Guild"},
             "context":{"source":{"id":"shop-web","kind":"http","position":"p"}}}
            """;

    /** Valid and invalid documents the writer never produces: spellings, nulls, repeats, trailing content. */
    private static final List<String> UNUSUAL = List.of(
            VALID.formatted("0"),
            VALID.formatted("-0"),
            VALID.formatted("-0.0"),
            VALID.formatted("1.0e10"),
            VALID.formatted("1E-7"),
            VALID.formatted("1.50"),
            VALID.formatted("2147483647"),
            VALID.formatted("2147483648"),
            VALID.formatted("-2147483649"),
            VALID.formatted("9223372036854775807"),
            VALID.formatted("-9223372036854775808"),
            VALID.formatted("9223372036854775808"),
            VALID.formatted("-9223372036854775809"),
            VALID.formatted("123456789012345678901234567890.000000000000000000001"),
            VALID.formatted("1e400"),
            VALID.formatted("[1, 2.5, \"x\", null, true, {\"a\": [[]]}, {}]"),
            VALID.formatted("{\"a\":1,\"a\":2}"),
            VALID.formatted("{\"a\":null,\"a\":null}"),
            VALID.formatted("NaN"),
            VALID.formatted("01"),
            VALID.formatted("\"caf\\u00e9 \\ud83d\\udc7e \\\" \\\\ \\n \\t \\u0000\""),
            VALID.formatted("1") + " ",
            VALID.formatted("1") + " {}",
            VALID.formatted("1") + " ]",
            VALID.formatted("1").replace("\"type\":\"track\",", "\"type\":\"track\",\"type\":\"track\","),
            VALID.formatted("1").replace("\"type\":\"track\",", "\"type\":\"track\",\"type\":\"page\","),
            VALID.formatted("1").replace("\"type\":\"track\"", "\"type\":\"TRACK\""),
            VALID.formatted("1").replace("\"type\":\"track\"", "\"type\":\" track \""),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":null,\"userId\":-0"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"userId\":12345678901234567890123"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"userId\":4.0"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"userId\":\" \""),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"userId\":true"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"anonymousId\":\"a2\""),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"previousId\":\"p\""),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"sentAt\":null"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"sentAt\":\"now\""),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"traits\":null"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"traits\":[]"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"identifiers\":null"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"identifiers\":{}"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"name\":null"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"name\":7"),
            VALID.formatted("1")
                    .replace("\"timestamp\":\"2026-11-21T10:15:30Z\"", "\"timestamp\":\"2026-11-21t10:15:30z\""),
            VALID.formatted("1")
                    .replace("\"timestamp\":\"2026-11-21T10:15:30Z\"", "\"timestamp\":\" 2026-11-21T10:15:30Z \""),
            VALID.formatted("1")
                    .replace("\"timestamp\":\"2026-11-21T10:15:30Z\"", "\"timestamp\":\"2024-11-21T10:15:30Z\""),
            VALID.formatted("1").replace("\"timestamp\":\"2026-11-21T10:15:30Z\"", "\"timestamp\":null"),
            VALID.formatted("1").replace("\"timestamp\":\"2026-11-21T10:15:30Z\",", ""),
            VALID.formatted("1").replace("\"messageId\":\"m1\"", "\"messageId\":\"\""),
            VALID.formatted("1").replace("\"messageId\":\"m1\"", "\"messageId\":1"),
            VALID.formatted("1").replace("\"position\":\"p\"", "\"position\":\"p\",\"extra\":[1]"),
            VALID.formatted("1").replace("\"position\":\"p\"", "\"position\":\"p\",\"id\":\"other\""),
            VALID.formatted("1").replace("\"kind\":\"http\"", "\"kind\":\" HTTP \""),
            VALID.formatted("1").replace("\"kind\":\"http\"", "\"kind\":null"),
            VALID.formatted("1").replace("\"id\":\"shop-web\"", "\"id\":\"-shop\""),
            VALID.formatted("1")
                    .replace(
                            "\"position\":\"p\"}",
                            "\"position\":\"p\"},\"gpc\":null,\"page\":null,"
                                    + "\"campaign\":null,\"library\":null,\"locale\":null,\"ip\":null,\"sessionId\":null,"
                                    + "\"userAgent\":null,\"device\":null"),
            VALID.formatted("1")
                    .replace(
                            "\"position\":\"p\"}",
                            "\"position\":\"p\"},\"gpc\":true,\"page\":{},"
                                    + "\"campaign\":{\"x\":1},\"library\":{},\"device\":{\"id\":\"d\"},\"device\":{}"),
            VALID.formatted("1")
                    .replace(
                            "\"position\":\"p\"}",
                            "\"position\":\"p\"},\"library\":{\"name\":null,"
                                    + "\"version\":\"1\",\"extra\":{}},\"page\":{\"url\":\"u\",\"url\":\"v\"}"),
            VALID.formatted("1").replace("\"position\":\"p\"}", "\"position\":\"p\"},\"gpc\":\"true\""),
            VALID.formatted("1").replace("\"position\":\"p\"}", "\"position\":\"p\"},\"gpc\":false,\"gpc\":true"),
            VALID.formatted("1").replace("\"position\":\"p\"}", "\"position\":\"p\"},\"page\":[]"),
            VALID.formatted("1").replace("\"position\":\"p\"}", "\"position\":\"p\"},\"source\":null"),
            VALID.formatted("1").replace("\"position\":\"p\"}}", "\"position\":\"p\"}},\"context\":null"),
            VALID.formatted("1")
                    .replace(
                            "\"anonymousId\":\"a1\"",
                            "\"anonymousId\":\"a1\",\"identifiers\":["
                                    + "{\"type\":\"email\",\"namespace\":\"global\",\"value\":\" a@b.example \",\"note\":null},"
                                    + "{\"type\":\"user_id\",\"namespace\":\"shop\",\"value\":\"42\"}]"),
            VALID.formatted("1")
                    .replace(
                            "\"anonymousId\":\"a1\"",
                            "\"anonymousId\":\"a1\",\"identifiers\":["
                                    + "{\"type\":\"email\",\"namespace\":\"shop\",\"value\":\"a@b.example\"}]"),
            VALID.formatted("1")
                    .replace(
                            "\"anonymousId\":\"a1\"",
                            "\"anonymousId\":\"a1\",\"identifiers\":["
                                    + "{\"type\":\"email\",\"namespace\":\"global\",\"value\":\"  \"}]"),
            VALID.formatted("1")
                    .replace(
                            "\"anonymousId\":\"a1\"",
                            "\"anonymousId\":\"a1\",\"identifiers\":["
                                    + "{\"type\":\"email\",\"namespace\":\"global\",\"value\":\"a\",\"value\":\"b\"}]"),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"identifiers\":[null]"),
            VALID.formatted("1")
                    .replace(
                            "\"anonymousId\":\"a1\"",
                            "\"anonymousId\":\"a1\",\"identifiers\":["
                                    + "{\"type\":\"email\",\"namespace\":\"global\",\"value\":7}]"),
            VALID.formatted("1")
                    .replace(
                            "\"anonymousId\":\"a1\"",
                            "\"anonymousId\":\"a1\",\"futureField\":[1,{\"a\":2}]," + "\"futureField\":null"),
            GROUP,
            GROUP.replace("\"groupId\":\"guild-7\"", "\"groupId\":7"),
            GROUP.replace("\"groupId\":\"guild-7\"", "\"groupId\":12345678901234567890123"),
            GROUP.replace("\"groupId\":\"guild-7\"", "\"groupId\":7.5"),
            GROUP.replace("\"groupId\":\"guild-7\"", "\"groupId\":null"),
            GROUP.replace("\"groupId\":\"guild-7\"", "\"groupId\":\" \""),
            GROUP.replace("\"groupId\":\"guild-7\"", "\"groupId\":{}"),
            GROUP.replace("\"groupId\":\"guild-7\"", "\"groupId\":\"a\",\"groupId\":\"b\""),
            GROUP.replace(",\"traits\":{\"name\":\"The Fen Guild\"}", ""),
            GROUP.replace("\"type\":\"group\"", "\"type\":\"GROUP\""),
            VALID.formatted("1").replace("\"anonymousId\":\"a1\"", "\"anonymousId\":\"a1\",\"groupId\":\"g\""),
            "null",
            "   ",
            "42",
            "\"text\"",
            "{}",
            "{\"type\":\"track\"",
            "{\"type\":\"track\"}}");

    @Test
    void generatedEventsReadTheSameAndStream() {
        Random random = new Random(20261122);
        List<CanonicalEvent> events = new ArrayList<>(EventWorkload.events(500, 7));
        for (int n = 0; n < 3_000; n++) {
            events.add(randomEvent(random, n));
        }
        for (CanonicalEvent event : events) {
            byte[] json = EventJson.toBytes(event);

            CanonicalEvent viaTree = EventJson.fromBytesViaTree(json);
            CanonicalEvent streamed = StreamingEventReader.read(FACTORY, json);

            assertThat(streamed)
                    .as(new String(json, StandardCharsets.UTF_8))
                    .isNotNull()
                    .isEqualTo(viaTree);
            assertSameValues(streamed.traits(), viaTree.traits());
            assertSameValues(streamed.properties(), viaTree.properties());
            assertSameValues(streamed.context().extensions(), viaTree.context().extensions());
            assertThat(EventJson.fromBytes(json)).isEqualTo(viaTree);
            assertThat(EventJson.toBytes(streamed)).isEqualTo(json);
        }
    }

    @Test
    void documentsOfTheOtherTestsReadTheSame() throws IOException {
        List<String> documents = new ArrayList<>(DOCUMENTS);
        documents.addAll(contractExamples());
        for (String document : documents) {
            assertSameOutcome(document.getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void unusualDocumentsReadTheSame() {
        int streamed = 0;
        for (String document : UNUSUAL) {
            if (assertSameOutcome(document.getBytes(StandardCharsets.UTF_8))) {
                streamed++;
            }
        }
        // the number spellings, nulls for optional fields and unknown fields are read by the streaming reader
        assertThat(streamed).isGreaterThanOrEqualTo(30);
        byte[] valid = VALID.formatted("\"é\"").getBytes(StandardCharsets.UTF_8);
        assertSameOutcome(withBom(valid));
        assertSameOutcome(VALID.formatted("\"x\"").getBytes(StandardCharsets.UTF_16BE));
        assertSameOutcome(VALID.formatted("\"x\"").getBytes(StandardCharsets.UTF_16LE));
        for (byte bad : new byte[] {(byte) 0xC3, (byte) 0x80, (byte) 0xFF, (byte) 0xED}) {
            byte[] broken = valid.clone();
            for (int i = 0; i < broken.length; i++) {
                if (broken[i] == (byte) 0xC3) {
                    broken[i + 1] = bad;
                    break;
                }
            }
            assertSameOutcome(broken);
        }
    }

    /** Generated documents with a byte deleted, replaced or inserted, or cut short: the same outcome either way. */
    @Test
    void damagedDocumentsReadTheSame() {
        Random random = new Random(11);
        List<CanonicalEvent> events = new ArrayList<>(EventWorkload.events(200, 3));
        for (int n = 0; n < 300; n++) {
            events.add(randomEvent(random, n));
        }
        byte[] alphabet = "{}[]:,\"\\ 0123456789.eE+-truefalsenullTZ\u00e9x".getBytes(StandardCharsets.UTF_8);
        int streamedAfterDamage = 0;
        for (int n = 0; n < 10_000; n++) {
            byte[] json = EventJson.toBytes(events.get(random.nextInt(events.size())));
            int at = random.nextInt(json.length);
            byte[] damaged =
                    switch (random.nextInt(4)) {
                        case 0 -> concat(json, at, at + 1, new byte[0]);
                        case 1 -> concat(json, at, at + 1, new byte[] {alphabet[random.nextInt(alphabet.length)]});
                        case 2 -> concat(json, at, at, new byte[] {alphabet[random.nextInt(alphabet.length)]});
                        default -> java.util.Arrays.copyOf(json, at);
                    };
            if (assertSameOutcome(damaged)) {
                streamedAfterDamage++;
            }
        }
        // most damage changes a value's text (still valid); the rest is malformed or breaks a rule
        assertThat(streamedAfterDamage).isPositive();
    }

    @Test
    void treeFormIsTheReadBackOfTheBytes() {
        Random random = new Random(5);
        List<CanonicalEvent> events = new ArrayList<>(EventWorkload.events(300, 9));
        for (int n = 0; n < 3_000; n++) {
            events.add(randomEvent(random, n));
        }
        int built = 0;
        for (CanonicalEvent event : events) {
            if (assertSameTree(event)) {
                built++;
            }
        }
        assertThat(built).isGreaterThan(events.size() * 9 / 10);
    }

    @Test
    void treesOfUnusualValuesAreTheReadBackOfTheBytes() {
        List<Object> values = new ArrayList<>(List.of(
                0L,
                -1L,
                (long) Integer.MAX_VALUE,
                (long) Integer.MAX_VALUE + 1,
                (long) Integer.MIN_VALUE,
                (long) Integer.MIN_VALUE - 1,
                Long.MAX_VALUE,
                Long.MIN_VALUE,
                BigInteger.TWO.pow(63),
                BigInteger.TWO.pow(63).negate().subtract(BigInteger.ONE),
                BigInteger.TWO.pow(2_000),
                new BigDecimal("0"),
                new BigDecimal("0.0"),
                new BigDecimal("-0.000"),
                new BigDecimal("0E+5"),
                new BigDecimal("1E+3"),
                new BigDecimal("-1E+19"),
                new BigDecimal("1E+18"),
                new BigDecimal("2147483648E0"),
                new BigDecimal("1.50"),
                new BigDecimal("1E-7"),
                new BigDecimal("1E-200"),
                new BigDecimal("1E-201"),
                new BigDecimal("1E+200"),
                new BigDecimal("1E+999"),
                new BigDecimal("1E-999"),
                new BigDecimal(BigInteger.TEN.pow(300), 150),
                "👾 monster",
                "lone \ud800 high",
                "lone \udc00 low",
                "x".repeat(200_000),
                "\u0000\u001f\"\\\u2028"));
        List<Object> nested = new ArrayList<>();
        Object deep = "bottom";
        for (int i = 0; i < 300; i++) {
            deep = List.of(deep);
        }
        nested.add(deep);
        values.addAll(nested);
        for (Object value : values) {
            CanonicalEvent event = Events.track("Order Completed")
                    .property("value", value)
                    .trait(value instanceof String text && text.length() < 100 ? text : "key", value)
                    .context(EventContext.builder(Events.WEB)
                            .extension("x", Map.of("value", value))
                            .build())
                    .build();
            assertSameTree(event);
        }
    }

    /** Asserts the tree equals the parsed bytes node for node (classes, order, decimal scales); true if built. */
    private static boolean assertSameTree(CanonicalEvent event) {
        Object expected = treeOutcome(() -> EventJson.toTreeViaBytes(event));
        Object actual = treeOutcome(() -> EventJson.toTree(event));
        if (expected instanceof String problem) {
            assertThat(actual).isEqualTo(problem);
            return false;
        }
        assertSameNodes((JsonNode) actual, (JsonNode) expected, "$");
        try {
            assertThat(MAPPER.writeValueAsBytes(actual)).isEqualTo(MAPPER.writeValueAsBytes(expected));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new EventTreeWriter(MAPPER.getNodeFactory()).tree(event) != null;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Object treeOutcome(java.util.function.Supplier<JsonNode> tree) {
        try {
            return tree.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    private static void assertSameNodes(JsonNode actual, JsonNode expected, String path) {
        assertThat(actual).as(path).isEqualTo(expected);
        assertThat(actual.getClass()).as(path).isEqualTo(expected.getClass());
        if (expected.isObject()) {
            assertThat(names(actual)).as(path).isEqualTo(names(expected));
            for (String name : names(expected)) {
                assertSameNodes(actual.get(name), expected.get(name), path + "." + name);
            }
        } else if (expected.isArray()) {
            assertThat(actual.size()).as(path).isEqualTo(expected.size());
            for (int i = 0; i < expected.size(); i++) {
                assertSameNodes(actual.get(i), expected.get(i), path + "[" + i + "]");
            }
        } else if (expected.isBigDecimal()) {
            assertThat(actual.decimalValue().scale())
                    .as(path)
                    .isEqualTo(expected.decimalValue().scale());
        }
        assertThat(actual.asText()).as(path).isEqualTo(expected.asText());
    }

    /** Asserts both readers agree; true when the streaming reader read it itself. */
    private static boolean assertSameOutcome(byte[] json) {
        String text = new String(json, StandardCharsets.UTF_8);
        Object viaTree = outcome(() -> EventJson.fromBytesViaTree(json));
        Object fast = outcome(() -> EventJson.fromBytes(json));
        CanonicalEvent streamed = StreamingEventReader.read(FACTORY, json);
        assertThat(fast).as(text).isEqualTo(viaTree);
        if (streamed != null) {
            assertThat(streamed).as(text).isEqualTo(viaTree);
            CanonicalEvent event = (CanonicalEvent) viaTree;
            assertSameValues(streamed.traits(), event.traits());
            assertSameValues(streamed.properties(), event.properties());
            assertSameValues(streamed.context().extensions(), event.context().extensions());
            assertThat(written(streamed)).isEqualTo(written(event));
        }
        return streamed != null;
    }

    /** The JSON text, or the exception's class and message (values read may be beyond what the writer writes). */
    private static String written(CanonicalEvent event) {
        try {
            return new String(EventJson.toBytes(event), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** The event, or the exception's class and message. */
    private static Object outcome(java.util.function.Supplier<CanonicalEvent> read) {
        try {
            return read.get();
        } catch (RuntimeException e) {
            return e.getClass().getName() + ": " + e.getMessage();
        }
    }

    /** Equal maps, and every value of the same class (equals alone would not tell a Long from an Integer, etc.). */
    private static void assertSameValues(Object actual, Object expected) {
        assertThat(actual).isEqualTo(expected);
        if (expected == null) {
            return;
        }
        assertThat(actual.getClass()).isEqualTo(expected.getClass());
        if (expected instanceof Map<?, ?> map) {
            assertThat(List.copyOf(((Map<?, ?>) actual).keySet())).isEqualTo(List.copyOf(map.keySet()));
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                assertSameValues(((Map<?, ?>) actual).get(entry.getKey()), entry.getValue());
            }
        } else if (expected instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                assertSameValues(((List<?>) actual).get(i), list.get(i));
            }
        } else if (expected instanceof BigDecimal decimal) {
            assertThat(((BigDecimal) actual).scale()).isEqualTo(decimal.scale());
        }
    }

    private static CanonicalEvent randomEvent(Random random, int n) {
        EventType type = EventType.values()[random.nextInt(EventType.values().length)];
        CanonicalEvent.Builder builder = CanonicalEvent.builder(type)
                .messageId(randomText(random) + n)
                .timestamp(Instant.ofEpochSecond(
                        1_700_000_000L + random.nextInt(100_000_000),
                        random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000)))
                .receivedAt(
                        Instant.ofEpochSecond(1_800_000_000L + random.nextInt(1000), random.nextInt(1000) * 1_000_000));
        if (random.nextBoolean()) {
            builder.sentAt(Instant.ofEpochSecond(1_800_000_000L, random.nextInt(1000) * 1000));
        }
        builder.userId("u" + randomText(random));
        if (random.nextBoolean()) {
            builder.anonymousId(randomText(random) + "a");
        }
        switch (type) {
            case TRACK -> builder.event(randomText(random) + "e");
            case PAGE -> {
                if (random.nextBoolean()) {
                    builder.name(randomText(random));
                }
                if (random.nextBoolean()) {
                    builder.category(randomText(random));
                }
            }
            case ALIAS -> builder.previousId("p" + randomText(random));
            case GROUP -> builder.groupId(random.nextBoolean() ? "g" + randomText(random) : "" + random.nextInt(1000));
            default -> {
                if (random.nextInt(5) == 0) {
                    builder.groupId("g" + randomText(random));
                }
            }
        }
        builder.traits(randomObject(random, 0));
        builder.properties(randomObject(random, 0));
        EventContext.Builder context = EventContext.builder(new SourceRef(
                random.nextBoolean() ? "shop-web" : "pos-" + random.nextInt(100),
                SourceKind.values()[random.nextInt(SourceKind.values().length)],
                randomText(random)));
        if (random.nextBoolean()) {
            context.sessionId(randomText(random))
                    .ip("198.51.100." + random.nextInt(256))
                    .userAgent(randomText(random));
        }
        if (random.nextBoolean()) {
            context.globalPrivacyControl();
        }
        if (random.nextBoolean()) {
            context.page(new PageContext(
                    optionalText(random),
                    optionalText(random),
                    optionalText(random),
                    optionalText(random),
                    optionalText(random)));
        }
        if (random.nextBoolean()) {
            context.campaign(new CampaignContext(
                    optionalText(random),
                    optionalText(random),
                    optionalText(random),
                    optionalText(random),
                    optionalText(random)));
        }
        if (random.nextBoolean()) {
            context.library(new LibraryContext(randomText(random), randomText(random)));
        }
        if (random.nextBoolean()) {
            context.locale("fr-CH");
        }
        randomObject(random, 1).forEach((key, value) -> {
            if (!EventContext.NAMED_FIELDS.contains(key)) {
                context.extension(key, value);
            }
        });
        builder.context(context.build());
        for (int i = random.nextInt(4); i > 0; i--) {
            builder.identifier(
                    switch (random.nextInt(4)) {
                        case 0 -> IdentifierHint.email(randomText(random) + "@x.example");
                        case 1 -> IdentifierHint.userId("shop", "u" + randomText(random));
                        case 2 -> IdentifierHint.anonymousId("web", " a" + randomText(random) + " ");
                        default -> IdentifierHint.phone("+4471" + random.nextInt(1_000_000));
                    });
        }
        return builder.build();
    }

    private static Optional<String> optionalText(Random random) {
        return random.nextBoolean() ? Optional.of(randomText(random)) : Optional.empty();
    }

    private static Map<String, Object> randomObject(Random random, int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int size = depth > 3 ? random.nextInt(2) : random.nextInt(7);
        for (int i = 0; i < size; i++) {
            map.put(randomText(random) + i, randomValue(random, depth + 1));
        }
        return map;
    }

    private static Object randomValue(Random random, int depth) {
        int kinds = depth > 3 ? 9 : 11;
        return switch (random.nextInt(kinds)) {
            case 0 -> null;
            case 1 -> random.nextBoolean();
            case 2 -> randomText(random);
            case 3 -> (long) random.nextInt(1000) - 500;
            case 4 -> random.nextLong();
            case 5 ->
                switch (random.nextInt(4)) {
                    case 0 -> (long) Integer.MAX_VALUE + random.nextInt(3) - 1;
                    case 1 -> (long) Integer.MIN_VALUE + random.nextInt(3) - 1;
                    case 2 -> random.nextBoolean() ? Long.MAX_VALUE : Long.MIN_VALUE;
                    default -> new BigInteger(64 + random.nextInt(100), random).negate();
                };
            case 6 -> BigDecimal.valueOf(random.nextLong(), random.nextInt(40) - 20);
            case 7 -> new BigDecimal(new BigInteger(1 + random.nextInt(200), random), random.nextInt(60) - 10);
            case 8 ->
                switch (random.nextInt(5)) {
                    case 0 -> new BigDecimal("0.00");
                    case 1 -> new BigDecimal("-1.50");
                    case 2 -> new BigDecimal("1E+3");
                    case 3 -> random.nextDouble() * 1e6;
                    default -> (double) random.nextFloat();
                };
            case 9 -> {
                List<Object> list = new ArrayList<>();
                for (int i = random.nextInt(5); i > 0; i--) {
                    list.add(randomValue(random, depth + 1));
                }
                yield list;
            }
            default -> randomObject(random, depth + 1);
        };
    }

    private static final String[] PIECES = {
        "a", "Z", "9", " ", "é", "ß", "猫", "👾", "\"", "\\", "/", "\n", "\t", "\r", "\u0000", "\u001f", "\u007f",
        "\u2028", "<", "&", "'", "{", "}", "[", ",", ":", "-", "null", "true", "\u00a0"
    };

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        for (int i = random.nextInt(8); i > 0; i--) {
            text.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return text.toString();
    }

    private static byte[] concat(byte[] json, int cutFrom, int cutTo, byte[] insert) {
        byte[] result = new byte[json.length - (cutTo - cutFrom) + insert.length];
        System.arraycopy(json, 0, result, 0, cutFrom);
        System.arraycopy(insert, 0, result, cutFrom, insert.length);
        System.arraycopy(json, cutTo, result, cutFrom + insert.length, json.length - cutTo);
        return result;
    }

    private static byte[] withBom(byte[] json) {
        byte[] result = new byte[json.length + 3];
        result[0] = (byte) 0xEF;
        result[1] = (byte) 0xBB;
        result[2] = (byte) 0xBF;
        System.arraycopy(json, 0, result, 3, json.length);
        return result;
    }

    private static List<String> contractExamples() throws IOException {
        String home = System.getProperty("cdp.home");
        Path root = home == null || home.isBlank() ? Path.of("..") : Path.of(home);
        String document = Files.readString(root.resolve("docs/event-contract.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(document);
        while (matcher.find()) {
            blocks.add(matcher.group(2));
        }
        return blocks;
    }
}
