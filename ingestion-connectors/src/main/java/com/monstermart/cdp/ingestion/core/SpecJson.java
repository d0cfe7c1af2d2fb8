package com.monstermart.cdp.ingestion.core;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.monstermart.cdp.event.SourceKind;
import java.io.IOException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads and writes {@link SourceSpec}s as JSON (REST) or YAML (files). Durations are ISO-8601 ({@code PT2S}) or
 * short ({@code 2s}, {@code 500ms}, {@code 5m}, {@code 6h}); unknown fields are errors, so typos do not pass
 * silently.
 */
public final class SpecJson {
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final SimpleModule MODULE = new SimpleModule("cdp-ingestion-spec")
            .addDeserializer(SourceKind.class, new SourceKindDeserializer())
            .addSerializer(SourceKind.class, new SourceKindSerializer())
            .addDeserializer(Duration.class, new DurationDeserializer())
            .addSerializer(Duration.class, new DurationSerializer());
    private static final ObjectMapper JSON = configure(JsonMapper.builder()
                    .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
                    .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS))
            .build();

    private SpecJson() {}

    private static <M extends ObjectMapper, B extends com.fasterxml.jackson.databind.cfg.MapperBuilder<M, B>>
            B configure(B builder) {
        return builder.addModule(MODULE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    }

    /** Serializers for source kinds (lower-case wire names) and durations, for other mappers. */
    public static com.fasterxml.jackson.databind.Module module() {
        return MODULE;
    }

    /** The JSON mapper (spec module installed). */
    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Reads a value from YAML: anchors, aliases and merge keys ({@code <<: *anchor}) are expanded; only
     * {@code true}/{@code false} are booleans (so a country code {@code NO} stays text) and dates stay text.
     *
     * @throws IngestionException {@link ErrorCode#INVALID_SOURCE} naming the field or the YAML line
     */
    public static <T> T readYaml(String text, Class<T> type, String what) {
        Object tree;
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(100);
            tree = new Yaml(
                            new SafeConstructor(options),
                            new Representer(new DumperOptions()),
                            new DumperOptions(),
                            options,
                            new PlainResolver())
                    .load(text);
        } catch (YAMLException e) {
            String message =
                    e.getMessage() == null ? "syntax error" : e.getMessage().replace('\n', ' ');
            throw new IngestionException(
                    ErrorCode.INVALID_SOURCE, "%s: not valid YAML: %s".formatted(what, message), e);
        }
        try {
            return readTree(JSON.valueToTree(tree), type, what);
        } catch (IllegalArgumentException e) {
            throw new IngestionException(ErrorCode.INVALID_SOURCE, "%s: %s".formatted(what, e.getMessage()), e);
        }
    }

    private static <T> T readTree(com.fasterxml.jackson.databind.JsonNode tree, Class<T> type, String what) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (UnrecognizedPropertyException e) {
            throw new IngestionException(
                    ErrorCode.INVALID_SOURCE,
                    "%s: unknown field '%s' at %s; known fields: %s"
                            .formatted(
                                    what,
                                    e.getPropertyName(),
                                    path(e),
                                    e.getKnownPropertyIds().stream()
                                            .map(Object::toString)
                                            .sorted()
                                            .collect(Collectors.joining(", "))),
                    e);
        } catch (JsonProcessingException e) {
            throw new IngestionException(
                    ErrorCode.INVALID_SOURCE, "%s: %s at %s".formatted(what, summary(e), path(e)), e);
        }
    }

    /** YAML 1.1 scalars without its surprises: no yes/no/on/off booleans, no timestamps. */
    private static final class PlainResolver extends Resolver {
        private static final Pattern PLAIN_BOOL = Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$");

        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, PLAIN_BOOL, "tTfF");
            addImplicitResolver(Tag.INT, INT, "-+0123456789");
            addImplicitResolver(Tag.FLOAT, FLOAT, "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, NULL, "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }

    /**
     * Reads a value from JSON or YAML text.
     *
     * @throws IngestionException {@link ErrorCode#INVALID_SOURCE} naming the field and the problem
     */
    public static <T> T read(ObjectMapper mapper, String text, Class<T> type, String what) {
        try {
            return mapper.readValue(text, type);
        } catch (UnrecognizedPropertyException e) {
            throw new IngestionException(
                    ErrorCode.INVALID_SOURCE,
                    "%s: unknown field '%s' at %s; known fields: %s"
                            .formatted(
                                    what,
                                    e.getPropertyName(),
                                    location(e),
                                    e.getKnownPropertyIds().stream()
                                            .map(Object::toString)
                                            .sorted()
                                            .collect(Collectors.joining(", "))),
                    e);
        } catch (JsonProcessingException e) {
            throw new IngestionException(
                    ErrorCode.INVALID_SOURCE, "%s: %s at %s".formatted(what, summary(e), location(e)), e);
        }
    }

    private static String path(JsonProcessingException e) {
        String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(reference -> reference.getFieldName() != null
                                ? "." + reference.getFieldName()
                                : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining())
                : "";
        return path.isEmpty() ? "$" : "$" + path;
    }

    private static String location(JsonProcessingException e) {
        String path = e instanceof com.fasterxml.jackson.databind.JsonMappingException mapping
                ? mapping.getPath().stream()
                        .map(reference -> reference.getFieldName() != null
                                ? "." + reference.getFieldName()
                                : "[" + reference.getIndex() + "]")
                        .collect(Collectors.joining())
                : "";
        String where = e.getLocation() == null
                ? ""
                : " (line %d, column %d)"
                        .formatted(e.getLocation().getLineNr(), e.getLocation().getColumnNr());
        return (path.isEmpty() ? "$" : "$" + path) + where;
    }

    private static String summary(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        if (message == null) {
            return "cannot be read";
        }
        int cut = message.indexOf('\n');
        message = cut < 0 ? message : message.substring(0, cut);
        Throwable cause = e.getCause();
        if (cause instanceof IllegalArgumentException argument && argument.getMessage() != null) {
            return argument.getMessage();
        }
        return message.length() > 200 ? message.substring(0, 200) + "..." : message;
    }

    /** Parses {@code PT2S}, {@code 2s}, {@code 500ms}, {@code 5m}, {@code 6h}, {@code 1d}. */
    public static Duration duration(String text) {
        String value = text.strip();
        Matcher matcher = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            return switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "'%s' is not a duration (e.g. 2s, 500ms, 5m, 6h or PT2S)".formatted(text));
        }
    }

    private static final class SourceKindDeserializer extends JsonDeserializer<SourceKind> {
        @Override
        public SourceKind deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = parser.getValueAsString();
            return SourceKind.fromWireName(text)
                    .orElseThrow(() -> new IllegalArgumentException(
                            "kind '%s' is not http, postgres, mariadb, mysql or file".formatted(text)));
        }
    }

    private static final class SourceKindSerializer extends JsonSerializer<SourceKind> {
        @Override
        public void serialize(SourceKind value, JsonGenerator generator, SerializerProvider provider)
                throws IOException {
            generator.writeString(value.wireName());
        }
    }

    private static final class DurationDeserializer extends JsonDeserializer<Duration> {
        @Override
        public Duration deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return Duration.ofMillis(parser.getLongValue());
            }
            return duration(parser.getValueAsString());
        }
    }

    private static final class DurationSerializer extends JsonSerializer<Duration> {
        @Override
        public void serialize(Duration value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(value.toString());
        }
    }
}
