package io.parley.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * What travels on every Parley topic. The payload stays a JSON tree so a consumer can skip types it does not know
 * without failing on them.
 */
public record EventEnvelope(
        UUID eventId, String type, String aggregateType, String aggregateId, Instant occurredAt, JsonNode payload) {}
