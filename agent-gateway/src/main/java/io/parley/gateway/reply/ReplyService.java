package io.parley.gateway.reply;

import com.fasterxml.jackson.databind.JsonNode;
import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.OutboundMessage;
import io.parley.gateway.downstream.Downstream;
import io.parley.gateway.downstream.InboxSettingsClient;
import io.parley.gateway.messaging.KeyedRecords;
import io.parley.gateway.security.Agent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Turns an agent's reply into an outbound message for ingest-service: to the conversation's customer, answering the
 * customer's latest message (the tweet to reply under, the mail to thread with), public when that message was.
 */
@ApplicationScoped
public class ReplyService {
    static final int MAX_LENGTH = 4096;

    private final MutinyEmitter<String> outbound;
    private final PublicReplyPrivacyGuard privacy;
    private final InboxSettingsClient inboxes;

    public ReplyService(
            @Channel("outbound-messages") MutinyEmitter<String> outbound,
            PublicReplyPrivacyGuard privacy,
            @RestClient InboxSettingsClient inboxes) {
        this.outbound = outbound;
        this.privacy = privacy;
        this.inboxes = inboxes;
    }

    /** @param text the reply as it goes out, signed as its inbox asks */
    public record Queued(UUID replyId, String status, boolean publicReply, String text) {}

    /** @param agentName the agent's full name, for the inbox's reply signature */
    public Uni<Queued> send(Agent agent, String agentName, JsonNode conversation, ReplyRequest request) {
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
        String inbox = conversation.path("inboxId").asText();
        JsonNode answered = lastIncoming;
        return Downstream.call(Downstream.ROUTING, inboxes.get(inbox))
                .map(settings -> ReplySignature.sign(request.text(), settings.replySignature(), agentName))
                .flatMap(text -> publish(agent, conversation, answered, publicReply, text));
    }

    private Uni<Queued> publish(
            Agent agent, JsonNode conversation, JsonNode lastIncoming, boolean publicReply, String text) {
        OutboundMessage message = new OutboundMessage(
                UUID.randomUUID(),
                UUID.fromString(conversation.path("id").asText()),
                conversation.path("inboxId").asText(),
                conversation.path("channel").asText(),
                conversation.path("threadKey").asText(),
                conversation.path("contact").path("sourceId").asText(),
                text,
                lastIncoming == null ? null : text(lastIncoming, "subject"),
                lastIncoming == null ? null : text(lastIncoming, "providerMessageId"),
                publicReply,
                agent.username(),
                Instant.now());
        String key = message.conversationId().toString();
        String value = EventCodec.encode(
                message.replyId(), EventTypes.MESSAGE_OUTBOUND, "reply", key, message.requestedAt(), message);
        return KeyedRecords.send(outbound, key, value, "The reply could not be queued; try again.")
                .replaceWith(new Queued(message.replyId(), "queued", publicReply, text));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
