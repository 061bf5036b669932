package io.parley.ingest.outbound;

import io.parley.contracts.OutboundMessage;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.inbox.Inbox;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Replies by SMTP from the inbox's address, threaded under the customer's mail (In-Reply-To, References). */
@ApplicationScoped
public class EmailSender implements ChannelSender {
    private final ReactiveMailer mailer;

    public EmailSender(ReactiveMailer mailer) {
        this.mailer = mailer;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public Uni<String> send(Inbox inbox, OutboundMessage message) {
        if (inbox.senderAddress == null) {
            return Uni.createFrom()
                    .failure(DeliveryException.permanent("The inbox has no senderAddress to send e-mail from."));
        }
        String domain = inbox.senderAddress.substring(inbox.senderAddress.indexOf('@') + 1);
        String messageId = message.replyId() + "@" + domain;
        String customerSubject = HeaderValue.of(message.subject());
        String subject = customerSubject == null || customerSubject.isEmpty()
                ? "Re: your message"
                : customerSubject.regionMatches(true, 0, "Re:", 0, 3) ? customerSubject : "Re: " + customerSubject;
        Mail mail = Mail.withText(HeaderValue.of(message.recipientId()), subject, message.text())
                .setFrom(inbox.senderAddress)
                .addHeader("Message-ID", "<" + messageId + ">");
        String replyTo = HeaderValue.messageId(message.replyTo());
        if (replyTo != null && !replyTo.isEmpty()) {
            mail.addHeader("In-Reply-To", "<" + replyTo + ">").addHeader("References", "<" + replyTo + ">");
        }
        return mailer.send(mail)
                .onFailure()
                .transform(failure -> new DeliveryException(
                        "The mail server did not take the reply.", "SMTP: " + failure.getMessage(), true))
                .replaceWith(messageId);
    }
}
