package com.monstermart.cdp.ingestion.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Built-in file patterns for public retail formats (resources {@code presets/<name>.yaml}): the REES46 events export,
 * the electronics store purchase history and UCI Online Retail II.
 */
public final class Presets {
    public static final List<String> NAMES = List.of("rees46-events", "electronics-purchases", "online-retail-ii");

    private static final Map<String, FilePatternSpec> PRESETS = load();

    private Presets() {}

    public static Optional<FilePatternSpec> named(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    /** All presets by name. */
    public static Map<String, FilePatternSpec> all() {
        return PRESETS;
    }

    private static Map<String, FilePatternSpec> load() {
        Map<String, FilePatternSpec> presets = new LinkedHashMap<>();
        for (String name : NAMES) {
            String resource = "/presets/" + name + ".yaml";
            try (InputStream in = Presets.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("Missing preset resource " + resource);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                presets.put(name, SpecJson.readYaml(text, FilePatternSpec.class, "preset " + name));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return java.util.Collections.unmodifiableMap(presets);
    }
}
