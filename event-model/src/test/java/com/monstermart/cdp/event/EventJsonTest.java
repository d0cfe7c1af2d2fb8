package com.monstermart.cdp.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    @Test
    void everyFieldSurvivesARoundTrip() {
        EventContext context = EventContext.builder(Events.WEB)
                .sessionId("s-9")
                .ip("203.0.113.7")
                .userAgent("Mozilla/5.0")
                .globalPrivacyControl()
                .page(new PageContext(
                        Optional.of("/cart"),
                        Optional.of("https://search.example/"),
                        Optional.of("?q=fur"),
                        Optional.of("Cart"),
                        Optional.of("https://shop.monstermart.example/cart")))
                .campaign(new CampaignContext(
                        Optional.of("halloween"),
                        Optional.of("newsletter"),
                        Optional.of("email"),
                        Optional.empty(),
                        Optional.empty()))
                .library(new LibraryContext("analytics.js", "5.2.0"))
                .locale("en-US")
                .extension("device", Map.of("id", "dev-1", "type", "ios"))
                .build();
        CanonicalEvent event = Events.track(EcommerceEvents.PRODUCT_ADDED)
                .anonymousId("anon-7")
                .sentAt(Instant.parse("2026-11-21T10:15:30.500Z"))
                .property("product_id", "P-1")
                .property("price", new BigDecimal("19.90"))
                .property("quantity", 2)
                .property("tags", List.of("fur", "blue"))
                .property("gift", true)
                .property("note", null)
                .context(context)
                .identifier(IdentifierHint.userId("shop", "42"))
                .identifier(IdentifierHint.deviceId("dev-1"))
                .build();

        CanonicalEvent read = EventJson.fromBytes(EventJson.toBytes(event));

        assertThat(read).isEqualTo(event);
        assertThat(read.property("quantity")).contains(2L);
        assertThat(read.property("price")).contains(new BigDecimal("19.90"));
        assertThat(read.properties()).containsEntry("note", null);
        assertThat(read.context().gpc()).isTrue();
        assertThat(EventJson.fromJson(EventJson.toJson(event))).isEqualTo(event);
    }

    @Test
    void writesTheDocumentedShape() {
        CanonicalEvent event = Events.identify().build();

        assertThat(EventJson.toJson(event))
                .isEqualTo("{\"type\":\"identify\",\"messageId\":\"m-identify-1\","
                        + "\"timestamp\":\"2026-11-21T10:15:30.123Z\",\"receivedAt\":\"2026-11-21T10:15:31Z\","
                        + "\"userId\":\"42\",\"traits\":{\"email\":\"grendel@example.com\"},"
                        + "\"context\":{\"source\":{\"id\":\"shop-web\",\"kind\":\"http\",\"position\":\"request=r-1 index=0\"},"
                        + "\"gpc\":false},\"identifiers\":[]}");
    }

    @Test
    void largeDecimalsStayPlainAndExact() {
        CanonicalEvent event = Events.track(EcommerceEvents.ORDER_COMPLETED)
                .property("revenue", new BigDecimal("1E+3"))
                .property("big", new java.math.BigInteger("123456789012345678901234567890"))
                .property("ratio", 0.1d)
                .build();

        String json = EventJson.toJson(event);

        assertThat(json)
                .contains("\"revenue\":1000")
                .contains("\"ratio\":0.1")
                .contains("123456789012345678901234567890");
        assertThat(EventJson.fromJson(json).property("ratio")).contains(new BigDecimal("0.1"));
    }

    @Test
    void acceptsNumericIdsAndOffsetsInTimestamps() {
        CanonicalEvent event = EventJson.fromJson("""
                {"type":"page","messageId":"m1","timestamp":"2026-11-21T11:15:30+01:00",
                 "receivedAt":"2026-11-21T10:15:31Z","userId":42,"name":"Home",
                 "context":{"source":{"id":"shop-web","kind":"http","position":"p"},"sessionId":7},
                 "someFutureField":{"ignored":true}}
                """);

        assertThat(event.userId()).contains("42");
        assertThat(event.context().sessionId()).contains("7");
        assertThat(event.timestamp()).isEqualTo(Instant.parse("2026-11-21T10:15:30Z"));
        assertThat(event.type()).isEqualTo(EventType.PAGE);
    }

    @Test
    void reportsEveryProblemWithItsPath() {
        assertThatThrownBy(() -> EventJson.fromJson("""
                        {"type":"track","timestamp":"yesterday","receivedAt":12,
                         "traits":[1],"context":{"source":{"id":"Shop Web","kind":"ftp","position":"p"},"gpc":"yes"},
                         "identifiers":[{"type":"shoe-size","namespace":"global","value":"9"}]}
                        """))
                .isInstanceOfSatisfying(InvalidEventException.class, e -> assertThat(e.problems())
                        .extracting(ValidationProblem::path)
                        .containsExactly(
                                "$.messageId",
                                "$.timestamp",
                                "$.receivedAt",
                                "$.traits",
                                "$.context.source.id",
                                "$.context.gpc",
                                "$.identifiers[0].type"))
                .hasMessageContaining("$.timestamp: 'yesterday' is not an ISO-8601 date-time")
                .hasMessageContaining("$.receivedAt: must be an ISO-8601 date-time string")
                .hasMessageContaining("$.traits: must be an object, not an array");
    }

    @Test
    void semanticRulesApplyAfterStructure() {
        assertThatThrownBy(() -> EventJson.fromJson("""
                        {"type":"track","messageId":"m1","timestamp":"2026-11-21T10:15:30Z",
                         "receivedAt":"2026-11-21T10:15:31Z",
                         "context":{"source":{"id":"shop-web","kind":"http","position":"p"}}}
                        """))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("Invalid event: $.userId: userId or anonymousId is required; "
                        + "$.event: is required for track events");
    }

    @Test
    void unsupportedTypesAreNamed() {
        assertThatThrownBy(() -> EventJson.fromJson("{\"type\":\"subscribe\"}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageContaining(
                        "$.type: 'subscribe' is not supported; use identify, track, page, group or alias");
    }

    @Test
    void groupKeepsItsGroupIdAndTraits() {
        CanonicalEvent event = Events.group().anonymousId("a-1").build();

        String json = EventJson.toJson(event);
        CanonicalEvent read = EventJson.fromJson(json);

        assertThat(json)
                .isEqualTo("{\"type\":\"group\",\"messageId\":\"m-group-1\","
                        + "\"timestamp\":\"2026-11-21T10:15:30.123Z\",\"receivedAt\":\"2026-11-21T10:15:31Z\","
                        + "\"userId\":\"42\",\"anonymousId\":\"a-1\",\"groupId\":\"guild-7\","
                        + "\"traits\":{\"name\":\"The Fen Guild\",\"employees\":12},"
                        + "\"context\":{\"source\":{\"id\":\"shop-web\",\"kind\":\"http\",\"position\":\"request=r-1 index=0\"},"
                        + "\"gpc\":false},\"identifiers\":[]}");
        assertThat(read).isEqualTo(event);
        assertThat(read.type()).isEqualTo(EventType.GROUP);
        assertThat(read.groupId()).contains("guild-7");
        assertThat(read.trait("employees")).contains(12L);
        assertThat(EventJson.fromTree(EventJson.toTree(event))).isEqualTo(event);
        assertThat(EventJson.toJson(Events.group().traits(Map.of()).build())).contains("\"traits\":{}");
    }

    @Test
    void groupIdsMayBeNumbersAndRideOnOtherTypes() {
        CanonicalEvent group = EventJson.fromJson("""
                {"type":"group","messageId":"m1","timestamp":"2026-11-21T10:15:30Z",
                 "receivedAt":"2026-11-21T10:15:31Z","userId":"42","groupId":7,
                 "context":{"source":{"id":"shop-web","kind":"http","position":"p"}}}
                """);
        CanonicalEvent track = EventJson.fromJson("""
                {"type":"track","messageId":"m2","timestamp":"2026-11-21T10:15:30Z",
                 "receivedAt":"2026-11-21T10:15:31Z","userId":"42","event":"Order Completed","groupId":"guild-7",
                 "context":{"source":{"id":"shop-web","kind":"http","position":"p"}}}
                """);

        assertThat(group.groupId()).contains("7");
        assertThat(track.groupId()).contains("guild-7");
        assertThat(EventJson.toJson(track)).contains("\"groupId\":\"guild-7\"");
    }

    @Test
    void malformedJsonNamesLineAndColumn() {
        assertThatThrownBy(() -> EventJson.fromJson("{\"type\":\n\"track\",,}"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessageStartingWith("Invalid event: $: malformed JSON at line 2, column 9");
        assertThatThrownBy(() -> EventJson.fromJson("[]"))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("Invalid event: $: must be a JSON object");
        assertThatThrownBy(() -> EventJson.fromJson(""))
                .isInstanceOf(InvalidEventException.class)
                .hasMessage("Invalid event: $: the body is empty");
    }

    @Test
    void contextExtensionsKeepUnknownSegmentFields() {
        CanonicalEvent event = EventJson.fromJson("""
                {"type":"identify","messageId":"m1","timestamp":"2026-11-21T10:15:30Z",
                 "receivedAt":"2026-11-21T10:15:31Z","anonymousId":"a1",
                 "context":{"source":{"id":"shop-web","kind":"http","position":"p"},
                   "os":{"name":"iOS","version":"18"},"screen":{"width":390},"traits":{"email":"x@example.com"}}}
                """);

        assertThat(event.context().extensions()).containsOnlyKeys("os", "screen", "traits");
        assertThat(EventJson.toJson(event)).contains("\"os\":{\"name\":\"iOS\",\"version\":\"18\"}");
    }

    @Test
    void treeFormMatchesBytes() {
        CanonicalEvent event = Events.identify().build();

        assertThat(EventJson.fromTree(EventJson.toTree(event))).isEqualTo(event);
    }

    @Test
    void isoTextIsInstantToString() {
        for (String text : List.of(
                "2026-11-21T10:15:30Z",
                "2026-11-21T10:15:30.100Z",
                "2026-11-21T10:15:30.123456Z",
                "2026-11-21T10:15:30.123456789Z",
                "1970-01-01T00:00:00Z",
                "0001-01-01T00:00:00.001Z",
                "+12026-01-01T00:00:00Z")) {
            Instant instant = Instant.parse(text);
            assertThat(EventJson.iso(instant)).isEqualTo(instant.toString());
        }
    }
}
