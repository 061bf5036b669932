package io.parley.ingest.channel;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.problem.ProblemException;
import java.io.IOException;
import java.time.Instant;

/** Tolerant reading of providers' JSON: unknown fields are ignored, missing ones come back as null. */
public final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    /** @throws ProblemException 400 unless the body is one JSON object */
    public static JsonNode object(byte[] body) {
        try {
            JsonNode node = MAPPER.readTree(body);
            if (node == null || !node.isObject()) {
                throw ProblemException.badRequest("The body must be a JSON object.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("Malformed JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ProblemException.badRequest("The body could not be read.");
        }
    }

    /** The text of a field, or null when it is absent, null or not a scalar. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    public static Instant epochSeconds(JsonNode node, String field, Instant fallback) {
        return epoch(node, field, fallback, Instant::ofEpochSecond);
    }

    public static Instant epochMillis(JsonNode node, String field, Instant fallback) {
        return epoch(node, field, fallback, Instant::ofEpochMilli);
    }

    /** Providers' timestamps come as numbers or strings; an unreadable one falls back rather than failing. */
    private static Instant epoch(
            JsonNode node, String field, Instant fallback, java.util.function.LongFunction<Instant> fromEpoch) {
        String value = text(node, field);
        try {
            return value == null ? fallback : fromEpoch.apply(Long.parseLong(value.trim()));
        } catch (NumberFormatException | java.time.DateTimeException e) {
            return fallback;
        }
    }

    public static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isArray() ? value : java.util.List.of();
    }
}
