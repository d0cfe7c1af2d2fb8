package com.monstermart.cdp.identity.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.monstermart.cdp.event.CanonicalEvent;
import com.monstermart.cdp.event.EventContext;
import com.monstermart.cdp.event.EventJson;
import com.monstermart.cdp.event.EventType;
import com.monstermart.cdp.event.IdentifierHint;
import com.monstermart.cdp.event.IdentifierNormaliser;
import com.monstermart.cdp.event.IdentifierSettings;
import com.monstermart.cdp.event.IdentifierType;
import com.monstermart.cdp.event.SourceKind;
import com.monstermart.cdp.event.SourceRef;
import com.monstermart.cdp.event.StoredIdentifier;
import com.monstermart.cdp.identity.core.identifier.Identifier;
import com.monstermart.cdp.identity.rest.Dtos;
import com.monstermart.cdp.identity.rest.RequestIdentifiers;
import com.monstermart.cdp.pii.vault.PiiVaults;
import com.monstermart.cdp.pii.vault.api.PiiVault;
import com.monstermart.cdp.pii.vault.kek.LocalKeysetKek;
import com.monstermart.cdp.pii.vault.store.InMemorySubjectKeyStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract of the one identifier vocabulary: for every identifier type and a corpus of messy spellings, what
 * identity resolution stores for an event's hint (the graph node, and the identifier of the resolved event the profile
 * store keeps) equals what every lookup computes from {@code {type, namespace, value}}: the identity REST API's
 * {@link RequestIdentifiers} and the lookup path of the profile API and the privacy service ({@code
 * PiiVault.storedForm(IdentifierNormaliser.lookup(...))}). Runs the real code paths on a real vault (Tink, in-memory
 * key store).
 */
class IdentifierVocabularyContractTest {
    private static final SourceRef SOURCE = new SourceRef("shop-web", SourceKind.HTTP, "contract");

    @TempDir
    static Path keys;

    private static PiiVault vault;
    private static IdentifierNormaliser normaliser;
    private static IdentifierProtector protector;
    private static RequestIdentifiers requests;
    private static EventProtector events;

    /** A spelling of an identifier as a person types it into a lookup. */
    record Lookup(String type, String namespace, String value) {}

    /** An identifier as an event carries it, and spellings of the same identifier. */
    record Case(IdentifierHint hint, List<Lookup> lookups) {}

    /** Every type, each with messy spellings that must all find it. */
    static final List<Case> CORPUS = List.of(
            new Case(
                    IdentifierHint.email("grendel+promo@example.com"),
                    List.of(
                            new Lookup("email", null, " Grendel+Promo@Example.COM "),
                            new Lookup("EMAIL", "global", "GRENDEL+PROMO@EXAMPLE.COM"),
                            new Lookup("email", "", "grendel+promo@example.com\t"))),
            new Case(
                    IdentifierHint.email("zo\u00eb@m\u00fcnster.example"),
                    List.of(
                            new Lookup("email", null, "zoe\u0308@mu\u0308nster.example"),
                            new Lookup("email", null, "ZO\u00cb@M\u00dcNSTER.EXAMPLE"),
                            new Lookup("email", "Global", " ZOE\u0308@MU\u0308NSTER.example "))),
            new Case(
                    IdentifierHint.phone("+44 20 7946 0018"),
                    List.of(
                            new Lookup("phone", null, "020 7946 0018"),
                            new Lookup("phone", null, "+442079460018"),
                            new Lookup("phone", null, "0044 20 7946 0018"),
                            new Lookup("phone", null, "(020) 7946-0018"),
                            new Lookup("phone", null, "+44 (0)20 7946 0018"),
                            new Lookup("phone", null, "tel:+44-20-7946-0018"))),
            new Case(
                    IdentifierHint.phone("07911 123456"),
                    List.of(
                            new Lookup("phone", null, "+44 7911 123456"),
                            new Lookup("phone", null, "07911-123-456"),
                            new Lookup(
                                    "Phone",
                                    null,
                                    "\uff10\uff17\uff19\uff11\uff11 \uff11\uff12\uff13\uff14\uff15\uff16"))),
            new Case(
                    IdentifierHint.loyaltyCard("MM-1234-5678"),
                    List.of(
                            new Lookup("loyalty_card", null, "mm 1234 5678"),
                            new Lookup("loyalty-card", null, "MM12345678"),
                            new Lookup("loyalty_card", null, "mm.1234.5678"),
                            new Lookup("loyalty_card", null, "MM/1234/5678"),
                            new Lookup(
                                    "loyalty_card",
                                    null,
                                    "\uff2d\uff2d\uff11\uff12\uff13\uff14\uff15\uff16\uff17\uff18"))),
            new Case(
                    IdentifierHint.userId("shop", "Ab-42"),
                    List.of(
                            new Lookup("user_id", "SHOP", " Ab-42 "),
                            new Lookup("User-ID", " Shop ", "Ab-42"),
                            new Lookup("customer_id", "shop", "Ab-42"))),
            new Case(
                    IdentifierHint.userId("App", "Zo\u00eb"),
                    List.of(new Lookup("user_id", "app", "Zoe\u0308"), new Lookup("user_id", "APP", " Zo\u00eb"))),
            new Case(
                    IdentifierHint.customerId("POS", "C-7"),
                    List.of(
                            new Lookup("customer_id", "pos", "C-7"),
                            new Lookup("user_id", "Pos", " C-7 "),
                            new Lookup("CUSTOMER_ID", "POS", "C-7"))),
            new Case(
                    IdentifierHint.anonymousId("Shop", "a-1f3e"),
                    List.of(
                            new Lookup("anonymous_id", "shop", " a-1f3e "),
                            new Lookup("ANONYMOUS_ID", "SHOP", "a-1f3e"))),
            new Case(
                    IdentifierHint.deviceId("Dev-9"),
                    List.of(
                            new Lookup("device_id", null, " Dev-9 "),
                            new Lookup("device_id", "global", "Dev-9"),
                            new Lookup("Device-Id", "", "Dev-9"))));

    @BeforeAll
    static void vault() {
        vault = PiiVaults.builder()
                .keyStore(new InMemorySubjectKeyStore())
                .keyEncryptionKey(LocalKeysetKek.openOrCreate(keys.resolve("kek.json")))
                .auditor(event -> {})
                .build();
        normaliser = new IdentifierNormaliser(new IdentifierSettings("GB"));
        protector = new IdentifierProtector(normaliser, vault);
        requests = new RequestIdentifiers(protector);
        events = new EventProtector(vault, "cdp.resolved.events", List.of("traits.email"));
    }

    @AfterAll
    static void close() {
        vault.close();
    }

    @Test
    void theCorpusCoversEveryType() {
        Set<IdentifierType> types = EnumSet.noneOf(IdentifierType.class);
        CORPUS.forEach(c -> types.add(c.hint().type()));
        assertThat(types).containsExactlyInAnyOrder(IdentifierType.values());
    }

    @Test
    void whatResolutionStoresIsWhatEveryLookupComputes() {
        for (Case c : CORPUS) {
            CanonicalEvent event = received(c.hint());
            IdentifierHint hint = event.identifiers().get(0);
            Identifier graph = graphIdentifier(hint);
            StoredIdentifier published = publishedIdentifier(event, graph);

            assertThat(published).as("resolved event of %s", c.hint().type()).isEqualTo(graph.stored());
            assertThat(Identifier.of(published)).isEqualTo(graph);
            for (Lookup lookup : c.lookups()) {
                String what = "%s looked up as %s".formatted(c.hint().type(), lookup.type());
                assertThat(requests.graph(
                                new Dtos.IdentifierRequest(lookup.type(), lookup.namespace(), lookup.value())))
                        .as("identity REST: " + what)
                        .isEqualTo(graph);
                assertThat(vault.storedForm(normaliser.lookup(lookup.type(), lookup.namespace(), lookup.value())))
                        .as("profile API and privacy service: " + what)
                        .isEqualTo(published);
            }
        }
    }

    @Test
    void personalValuesAreStoredAndPublishedOnlyAsBlindIndexes() {
        for (Case c : CORPUS) {
            Identifier graph = graphIdentifier(c.hint());
            String json = publishedJson(received(c.hint()), graph).toString();
            assertThat(graph.stored().blindIndexed()).isEqualTo(c.hint().type().personal());
            if (c.hint().type().personal()) {
                assertThat(graph.value()).matches("[A-Za-z0-9_-]{22}");
                assertThat(json).doesNotContain(c.hint().value());
                assertThat(published(publishedJson(received(c.hint()), graph))
                                .path("blindIndexed")
                                .asBoolean())
                        .isTrue();
            }
        }
    }

    @Test
    void differentIdentifiersStayDifferent() {
        assertThat(lookup("email", null, "grendel@example.com"))
                .as("plus tags are kept")
                .isNotEqualTo(lookup("email", null, "grendel+promo@example.com"));
        assertThat(lookup("user_id", "shop", "ab-42"))
                .as("ids keep their case")
                .isNotEqualTo(lookup("user_id", "shop", "Ab-42"));
        assertThat(lookup("user_id", "pos", "Ab-42"))
                .as("namespaces separate ids")
                .isNotEqualTo(lookup("user_id", "shop", "Ab-42"));
        assertThat(lookup("anonymous_id", "shop", "Ab-42")).isNotEqualTo(lookup("user_id", "shop", "Ab-42"));
        assertThat(lookup("phone", null, "020 7946 0019")).isNotEqualTo(lookup("phone", null, "020 7946 0018"));
        assertThat(lookup("loyalty_card", null, "MM-1234-5679"))
                .isNotEqualTo(lookup("loyalty_card", null, "MM-1234-5678"));
    }

    @Test
    void aCustomerIdIsPublishedOnceAsItsNamespacesUserId() {
        CanonicalEvent event = CanonicalEvent.builder(EventType.IDENTIFY)
                .messageId("m-customer")
                .timestamp(Instant.parse("2026-11-01T10:00:00Z"))
                .userId("C-7")
                .context(EventContext.of(SOURCE))
                .identifier(IdentifierHint.userId("pos", "C-7"))
                .identifier(IdentifierHint.customerId("POS", "C-7"))
                .identifier(IdentifierHint.email("a@example.com"))
                .build();
        Map<IdentifierHint, Identifier> graph = Map.of(
                event.identifiers().get(0), graphIdentifier(event.identifiers().get(0)),
                event.identifiers().get(1), graphIdentifier(event.identifiers().get(1)),
                event.identifiers().get(2), graphIdentifier(event.identifiers().get(2)));

        JsonNode identifiers = events.protect(event, UUID.randomUUID(), graph).path("identifiers");

        assertThat(identifiers).hasSize(2);
        assertThat(identifiers.get(0).path("type").asText()).isEqualTo("user_id");
        assertThat(identifiers.get(0).path("namespace").asText()).isEqualTo("pos");
        assertThat(identifiers.get(1).path("type").asText()).isEqualTo("email");
    }

    private static StoredIdentifier lookup(String type, String namespace, String value) {
        return vault.storedForm(normaliser.lookup(type, namespace, value));
    }

    /** The event as the identity service receives it from {@code cdp.raw.events}. */
    private static CanonicalEvent received(IdentifierHint hint) {
        CanonicalEvent event = CanonicalEvent.builder(EventType.TRACK)
                .messageId("m-" + hint.type().wireName())
                .timestamp(Instant.parse("2026-11-01T10:00:00Z"))
                .anonymousId("a-1")
                .event("Product Viewed")
                .context(EventContext.of(SOURCE))
                .identifier(hint)
                .build();
        return EventJson.fromBytes(EventJson.toBytes(event));
    }

    /** The graph node resolution makes of a hint (ResolutionService's path). */
    private static Identifier graphIdentifier(IdentifierHint hint) {
        return switch (protector.protect(hint)) {
            case IdentifierProtector.Protected protectedIdentifier -> protectedIdentifier.graph();
            case IdentifierProtector.Rejected rejected ->
                throw new AssertionError(rejected.invalid().message());
        };
    }

    private static ObjectNode publishedJson(CanonicalEvent event, Identifier graph) {
        return events.protect(
                event, UUID.randomUUID(), Map.of(event.identifiers().get(0), graph));
    }

    private static JsonNode published(ObjectNode resolved) {
        return resolved.path("identifiers").get(0);
    }

    /** The identifier of the resolved event, as the profile store reads it back. */
    private static StoredIdentifier publishedIdentifier(CanonicalEvent event, Identifier graph) {
        JsonNode node = published(publishedJson(event, graph));
        return new StoredIdentifier(
                IdentifierType.fromWireName(node.path("type").asText()).orElseThrow(),
                node.path("namespace").asText(),
                node.path("value").asText());
    }
}
