package com.monstermart.cdp.event;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes {@link DeadLetter}s as JSON (docs/event-contract.md, "Dead letters"). */
public final class DeadLetterJson {
    private static final ObjectMapper MAPPER = EventJson.mapper();

    private DeadLetterJson() {}

    public static byte[] toBytes(DeadLetter letter) {
        ByteArrayOutputStream out =
                new ByteArrayOutputStream(256 + letter.payload().length());
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            generator.writeStartObject();
            generator.writeStringField("source", letter.source());
            generator.writeStringField("position", letter.position());
            generator.writeStringField("reason", letter.reason());
            generator.writeArrayFieldStart("problems");
            for (ValidationProblem problem : letter.problems()) {
                generator.writeStartObject();
                generator.writeStringField("path", problem.path());
                generator.writeStringField("message", problem.message());
                generator.writeEndObject();
            }
            generator.writeEndArray();
            generator.writeStringField("payload", letter.payload());
            generator.writeStringField("failedAt", letter.failedAt().toString());
            generator.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Reads a dead letter.
     *
     * @throws IllegalArgumentException when the JSON is not a dead letter
     */
    public static DeadLetter fromBytes(byte[] json) {
        try {
            JsonNode node = MAPPER.readTree(json);
            List<ValidationProblem> problems = new ArrayList<>();
            for (JsonNode problem : node.path("problems")) {
                problems.add(new ValidationProblem(
                        problem.path("path").asText(), problem.path("message").asText()));
            }
            return new DeadLetter(
                    required(node, "source"),
                    required(node, "position"),
                    required(node, "reason"),
                    problems,
                    required(node, "payload"),
                    EventJson.parseInstant(required(node, "failedAt")));
        } catch (IOException e) {
            throw new IllegalArgumentException("Not a dead letter: " + e.getMessage(), e);
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || !value.isTextual()) {
            throw new IllegalArgumentException("Not a dead letter: '%s' is missing".formatted(field));
        }
        return value.textValue();
    }
}
