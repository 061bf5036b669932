package io.parley.routing.conversation;

import io.parley.audit.AuditTrail;
import io.parley.contracts.MessageStatus;
import io.parley.contracts.OutboundResult;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Agents' replies as the channels report them: each delivery result becomes an outgoing message of its conversation
 * (failed ones too, with the reason, so the agent sees them), and later receipts move its status forward. A delivered
 * reply of an agent (not of an automation) meets the response SLAs.
 */
@ApplicationScoped
public class ReplyService {
    /** Receipts can arrive out of order; a message never goes back from read to delivered. */
    static final List<String> PROGRESS = List.of(MessageStatus.SENT, MessageStatus.DELIVERED, MessageStatus.READ);

    private final MessageLog messages;
    private final ConversationActions actions;
    private final java.time.Clock clock;

    public ReplyService(MessageLog messages, ConversationActions actions, java.time.Clock clock) {
        this.messages = messages;
        this.actions = actions;
        this.clock = clock;
    }

    public Uni<Void> record(OutboundResult result) {
        return Conversation.<Conversation>findById(
                        result.conversationId(), jakarta.persistence.LockModeType.PESSIMISTIC_WRITE)
                .flatMap(conversation -> {
                    if (conversation == null) {
                        return Uni.createFrom().voidItem();
                    }
                    Instant now = clock.instant();
                    Message message = new Message();
                    message.id = UUID.randomUUID();
                    message.conversationId = conversation.id;
                    message.inboxId = conversation.inboxId;
                    message.providerMessageId = result.providerMessageId();
                    message.direction = Message.OUTGOING;
                    message.kind = "text";
                    message.content = result.text();
                    message.agent = result.agent();
                    message.deliveryStatus = result.status();
                    message.deliveryError = result.error();
                    message.sentAt = result.at();
                    message.createdAt = now;
                    boolean byAgent = AutomatedMessages.byAgent(result.agent());
                    boolean answered = OutboundResult.DELIVERED.equals(result.status()) && byAgent;
                    return messages.append(conversation, message, now)
                            .call(() -> answered
                                    ? actions.agentReplied(conversation, result.agent(), now)
                                    : Uni.createFrom().voidItem())
                            // An agent's reply, however it was sent (the gateway publishes replies straight to ingest),
                            // is audited with the agent from the verified token that sent it.
                            .call(() -> byAgent
                                    ? AuditTrail.record(
                                            result.agent(),
                                            "conversation.reply_" + result.status(),
                                            "conversation",
                                            conversation.id.toString(),
                                            null,
                                            now)
                                    : Uni.createFrom().voidItem());
                });
    }

    public Uni<Void> receipt(MessageStatus status) {
        // The send's result may be in the same batch as its receipt, its message not written yet.
        return messages.byProviderId(status.inboxId(), status.providerMessageId())
                .map(message -> {
                    if (message != null && Message.OUTGOING.equals(message.direction) && advances(message, status)) {
                        message.deliveryStatus = status.status();
                        message.deliveryError = status.error();
                    }
                    return null;
                });
    }

    private static boolean advances(Message message, MessageStatus status) {
        if (MessageStatus.FAILED.equals(status.status())) {
            return true;
        }
        int current = PROGRESS.indexOf(message.deliveryStatus);
        return PROGRESS.indexOf(status.status()) > current;
    }
}
