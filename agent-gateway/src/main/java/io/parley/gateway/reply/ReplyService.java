package io.parley.gateway.reply;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.OutboundMessage;
import io.parley.contracts.api.Conversations;
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
    public Uni<Queued> send(
            Agent agent, String agentName, Conversations.Conversation conversation, ReplyRequest request) {
        Conversations.Message lastIncoming = null;
        for (Conversations.Message message : conversation.messages()) {
            if ("incoming".equals(message.direction())) {
                lastIncoming = message;
            }
        }
        boolean publicReply = lastIncoming != null && lastIncoming.publicPost();
        ReplyCollisionCheck.check(
                conversation, agent.username(), request.lastSeenMessageId(), request.confirmReplyAfterOthers());
        privacy.check(publicReply, request.text(), request.confirmPersonalData());
        String inbox = conversation.inboxId();
        Conversations.Message answered = lastIncoming;
        return Downstream.call(Downstream.ROUTING, inboxes.get(inbox))
                .map(settings -> ReplySignature.sign(request.text(), settings.replySignature(), agentName))
                .flatMap(text -> publish(agent, conversation, answered, publicReply, text));
    }

    private Uni<Queued> publish(
            Agent agent,
            Conversations.Conversation conversation,
            Conversations.Message lastIncoming,
            boolean publicReply,
            String text) {
        OutboundMessage message = new OutboundMessage(
                UUID.randomUUID(),
                conversation.id(),
                conversation.inboxId(),
                conversation.channel(),
                conversation.threadKey(),
                conversation.contact() == null ? null : conversation.contact().sourceId(),
                text,
                lastIncoming == null ? null : lastIncoming.subject(),
                lastIncoming == null ? null : lastIncoming.providerMessageId(),
                publicReply,
                agent.username(),
                Instant.now());
        String key = message.conversationId().toString();
        String value = EventCodec.encode(
                message.replyId(), EventTypes.MESSAGE_OUTBOUND, "reply", key, message.requestedAt(), message);
        return KeyedRecords.send(outbound, key, value, "The reply could not be queued; try again.")
                .replaceWith(new Queued(message.replyId(), "queued", publicReply, text));
    }
}
