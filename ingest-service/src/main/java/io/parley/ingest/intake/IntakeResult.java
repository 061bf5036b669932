package io.parley.ingest.intake;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.UUID;

/**
 * What a webhook delivery came to: new events (committed; the relay puts them on Kafka after the answer), events seen
 * before, or nothing to take (the account's own activity, update kinds Parley does not read).
 *
 * @param eventId set when the delivery held exactly one event
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntakeResult(String status, int accepted, int duplicates, UUID eventId, List<UUID> eventIds) {

    static IntakeResult of(List<UUID> accepted, List<UUID> duplicates) {
        List<UUID> all = new java.util.ArrayList<>(accepted);
        all.addAll(duplicates);
        String status = !accepted.isEmpty() ? "accepted" : !duplicates.isEmpty() ? "duplicate" : "ignored";
        return new IntakeResult(
                status, accepted.size(), duplicates.size(), all.size() == 1 ? all.get(0) : null, List.copyOf(all));
    }
}
