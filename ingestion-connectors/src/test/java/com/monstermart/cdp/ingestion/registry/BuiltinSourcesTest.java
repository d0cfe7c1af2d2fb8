package com.monstermart.cdp.ingestion.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.monstermart.cdp.ingestion.core.CompiledSource;
import com.monstermart.cdp.ingestion.core.IngestionException;
import com.monstermart.cdp.ingestion.core.SourceSpec;
import com.monstermart.cdp.ingestion.core.SourceSpecs;
import com.monstermart.cdp.ingestion.core.SpecJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped definitions (demo shop, stores, drops, web) compile. */
class BuiltinSourcesTest {
    static String load(String name) throws IOException {
        try (InputStream in = BuiltinSourcesTest.class.getResourceAsStream("/sources/" + name + ".yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static SourceSpec resolved(String name) throws IOException {
        String text = SourceFiles.resolve(load(name), name, BuiltinSourcesTest::lookup);
        return SpecJson.readYaml(text, SourceSpec.class, name);
    }

    private static Optional<String> lookup(String key) {
        if (key.equals("cdp.ingestion.files.drop-directory")) {
            return Optional.of("/tmp/drop");
        }
        return key.endsWith("PASSWORD") || key.endsWith("WRITE_KEY") ? Optional.of("secret") : Optional.empty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "shop-web",
                "shop-postgres",
                "pos-mariadb",
                "app-events",
                "marketplace-purchases",
                "catalogue-orders",
                "cs-tickets"
            })
    void compiles(String name) throws IOException {
        CompiledSource source = SourceSpecs.compile(resolved(name));

        assertThat(source.id()).isEqualTo(name);
    }

    @Test
    void shopMapsEveryCapturedTable() throws IOException {
        CompiledSource shop = SourceSpecs.compile(resolved("shop-postgres"));

        assertThat(shop.tables().keySet())
                .containsExactlyInAnyOrder(
                        "public.customers",
                        "public.consents",
                        "public.cart_items",
                        "public.orders",
                        "public.payments",
                        "public.returns");
        assertThat(shop.spec().database().password()).isEqualTo("secret");
        assertThat(shop.spec().namespace()).isEqualTo("shop");
    }

    @Test
    void placeholdersWithoutValueOrDefaultAreNamed() {
        assertThatThrownBy(() -> SourceFiles.resolve(
                        "password: ${env:CDP_SHOP_DB_PASSWORD}", "shop-postgres.yaml", key -> Optional.empty()))
                .isInstanceOf(IngestionException.class)
                .hasMessage(
                        "shop-postgres.yaml needs ${env:CDP_SHOP_DB_PASSWORD}; set that environment variable or property, or give a default");
        assertThat(SourceFiles.resolve(
                        "host: ${env:HOST:127.0.0.1} user: \"${customer_id}\"", "x", key -> Optional.empty()))
                .isEqualTo("host: 127.0.0.1 user: \"${customer_id}\"");
    }

    @Test
    void everyBuiltinIsListed() {
        assertThat(List.of(
                        "shop-web",
                        "shop-postgres",
                        "pos-mariadb",
                        "app-events",
                        "marketplace-purchases",
                        "catalogue-orders",
                        "cs-tickets"))
                .allSatisfy(name -> assertThat(BuiltinSourcesTest.class.getResource("/sources/" + name + ".yaml"))
                        .isNotNull());
    }
}
