package io.parley.ingest.outbound;

import io.parley.contracts.EventCodec;
import io.parley.contracts.EventTypes;
import io.parley.contracts.OutboundMessage;
import io.parley.contracts.OutboundResult;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.inbox.Inbox;
import io.parley.ingest.inbox.InboxService;
import io.parley.ingest.intake.InboundEventPublisher;
import io.parley.ingest.intake.IntakeRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Delivers an agent's reply once: claims it, checks the channel's rules (WhatsApp's 24-hour window), paces it to the
 * inbox's rate, sends it with retries on 429/5xx, records the outcome and reports it as an {@link OutboundResult}.
 */
@ApplicationScoped
public class DeliveryService {
    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final Map<String, ChannelSender> senders;
    private final InboxService inboxes;
    private final DeliveryRepository deliveries;
    private final IntakeRepository intake;
    private final RateLimiter rateLimiter;
    private final InboundEventPublisher publisher;
    private final OutboundConfig config;

    public DeliveryService(
            Instance<ChannelSender> senders,
            InboxService inboxes,
            DeliveryRepository deliveries,
            IntakeRepository intake,
            RateLimiter rateLimiter,
            InboundEventPublisher publisher,
            OutboundConfig config) {
        this.senders =
                senders.stream().collect(Collectors.toMap(s -> s.channel().id(), Function.identity()));
        this.inboxes = inboxes;
        this.deliveries = deliveries;
        this.intake = intake;
        this.rateLimiter = rateLimiter;
        this.publisher = publisher;
        this.config = config;
    }

    public Uni<Void> deliver(OutboundMessage message) {
        return deliveries.claim(message.replyId(), message.inboxId()).flatMap(first -> {
            if (!first) {
                LOG.debugf("reply %s was handled before", message.replyId());
                return Uni.createFrom().voidItem();
            }
            AtomicInteger attempts = new AtomicInteger();
            return inboxes.find(message.inboxId())
                    .flatMap(inbox -> send(inbox, message, attempts)
                            .onFailure()
                            .invoke(failure -> logDetail(inbox, message, failure)))
                    .map(providerId -> result(message, OutboundResult.DELIVERED, providerId, null, attempts.get()))
                    .onFailure()
                    .recoverWithItem(failure -> result(
                            message,
                            OutboundResult.FAILED,
                            null,
                            failure instanceof DeliveryException ? failure.getMessage() : "Internal error.",
                            attempts.get()))
                    .flatMap(this::report);
        });
    }

    /** What the channel said, for the operator: never stored or published, and without the inbox's secrets. */
    private static void logDetail(Inbox inbox, OutboundMessage message, Throwable failure) {
        String detail = failure instanceof DeliveryException d ? d.detail() : failure.toString();
        if (detail != null) {
            LOG.warnf(
                    "reply %s to inbox %s: %s",
                    message.replyId(), message.inboxId(), SecretRedaction.redact(detail, inbox));
        }
    }

    private Uni<String> send(Inbox inbox, OutboundMessage message, AtomicInteger attempts) {
        if (inbox == null) {
            return Uni.createFrom().failure(DeliveryException.permanent("No inbox " + message.inboxId() + "."));
        }
        ChannelSender sender = senders.get(inbox.channel);
        if (sender == null) {
            return Uni.createFrom()
                    .failure(DeliveryException.permanent(
                            "The " + inbox.channel + " channel has no outbound delivery: its systems read replies"
                                    + " through Parley's API."));
        }
        if (inbox.accessToken == null && !Channel.EMAIL.id().equals(inbox.channel)) {
            return Uni.createFrom().failure(DeliveryException.permanent("The inbox has no accessToken for sending."));
        }
        Uni<Void> allowed = Channel.WHATSAPP.id().equals(inbox.channel)
                ? intake.lastCustomerMessage(inbox.id, message.threadKey()).map(last -> {
                    if (!CustomerServiceWindow.isOpen(last, Instant.now())) {
                        throw DeliveryException.permanent("Outside WhatsApp's 24-hour customer service window: only an"
                                + " approved template can be sent now.");
                    }
                    return null;
                })
                : Uni.createFrom().voidItem();
        int rate = Channel.WHATSAPP.id().equals(inbox.channel) ? config.whatsappRate() : config.defaultRate();
        return allowed.flatMap(ok -> rateLimiter
                .acquire(inbox.id, rate)
                .flatMap(paced -> {
                    attempts.incrementAndGet();
                    return sender.send(inbox, message);
                })
                .onFailure(failure -> failure instanceof DeliveryException d && d.retryable())
                .retry()
                .withBackOff(config.initialBackoff(), config.maxBackoff())
                .atMost(config.maxAttempts() - 1L));
    }

    private static OutboundResult result(
            OutboundMessage message, String status, String providerId, String error, int attempts) {
        return new OutboundResult(
                message.replyId(),
                message.conversationId(),
                message.inboxId(),
                message.channel(),
                message.threadKey(),
                status,
                providerId,
                message.text(),
                message.agent(),
                error,
                attempts,
                Instant.now());
    }

    private Uni<Void> report(OutboundResult result) {
        if (OutboundResult.FAILED.equals(result.status())) {
            LOG.warnf(
                    "reply %s to inbox %s failed after %d attempts: %s",
                    result.replyId(), result.inboxId(), result.attempts(), result.error());
        }
        UUID eventId = UUID.nameUUIDFromBytes(("outbound-result:" + result.replyId()).getBytes(StandardCharsets.UTF_8));
        return deliveries
                .finish(
                        result.replyId(),
                        result.status(),
                        result.providerMessageId(),
                        result.error(),
                        result.attempts())
                .flatMap(ignored -> publisher.publish(
                        result.conversationKey(),
                        EventCodec.envelope(
                                eventId,
                                EventTypes.MESSAGE_OUTBOUND_RESULT,
                                "inbound-message",
                                result.conversationKey(),
                                result.at(),
                                result)));
    }
}
