package io.parley.gateway.reply;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.OutboundMessage;
import io.parley.gateway.security.Agent;
import io.parley.problem.ProblemException;
import io.parley.reactive.CallerContext;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Turns an agent's reply into an outbound message for ingest-service: to the conversation's customer, answering the
 * customer's latest message (the tweet to reply under, the mail to thread with), public when that message was.
 */
@ApplicationScoped
public class ReplyService {
    static final int MAX_LENGTH = 4096;

    private final MutinyEmitter<String> outbound;
    private final PublicReplyPrivacyGuard privacy;

    public ReplyService(@Channel("outbound-messages") MutinyEmitter<String> outbound, PublicReplyPrivacyGuard privacy) {
        this.outbound = outbound;
        this.privacy = privacy;
    }

    public record Queued(UUID replyId, String status, boolean publicReply) {}

    public Uni<Queued> send(Agent agent, JsonNode conversation, ReplyRequest request) {
        JsonNode lastIncoming = null;
        for (JsonNode message : conversation.path("messages")) {
            if ("incoming".equals(message.path("direction").asText())) {
                lastIncoming = message;
            }
        }
        boolean publicReply =
                lastIncoming != null && lastIncoming.path("publicPost").asBoolean(false);
        ReplyCollisionCheck.check(
                conversation, agent.username(), request.lastSeenMessageId(), request.confirmReplyAfterOthers());
        privacy.check(publicReply, request.text(), request.confirmPersonalData());
        OutboundMessage message = new OutboundMessage(
                UUID.randomUUID(),
                UUID.fromString(conversation.path("id").asText()),
                conversation.path("inboxId").asText(),
                conversation.path("channel").asText(),
                conversation.path("threadKey").asText(),
                conversation.path("contact").path("sourceId").asText(),
                request.text(),
                lastIncoming == null ? null : text(lastIncoming, "subject"),
                lastIncoming == null ? null : text(lastIncoming, "providerMessageId"),
                publicReply,
                agent.username(),
                Instant.now());
        String key = message.conversationId().toString();
        Message<String> record = Message.of(EventCodec.encode(EventCodec.envelope(
                        message.replyId(), EventTypes.MESSAGE_OUTBOUND, "reply", key, message.requestedAt(), message)))
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withKey(key)
                        .build());
        return CallerContext.resumeOnCallerContext(outbound.sendMessage(record))
                .onFailure()
                .transform(failure -> ProblemException.unavailable("The reply could not be queued; try again."))
                .replaceWith(new Queued(message.replyId(), "queued", publicReply));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
