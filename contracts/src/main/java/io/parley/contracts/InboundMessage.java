package io.parley.contracts;

import java.time.Instant;
import java.util.List;

/**
 * A message on a channel as every adapter normalises it ({@link EventTypes#MESSAGE_INBOUND}): mostly a customer's,
 * or, with {@code echo}, the brand's own message sent outside Parley and recorded as outgoing.
 *
 * @param team the team the inbox routes to when it was received
 * @param threadKey what keeps one exchange together on the channel (sender id, e-mail thread root, tweet thread)
 * @param kind one of {@link Kind}'s values
 * @param subject the e-mail subject; null on chat channels
 * @param replyTo the provider id of the message this one quotes or answers, if any
 * @param target for edits and deletions: the provider id of the message changed
 * @param publicPost true when written in public (a tweet, a comment): an agent's reply will be public too
 * @param echo the brand's own message (Messenger/Instagram echo), not the customer's
 * @param autoReply sent by a machine (out-of-office, bounce): never starts a conversation
 */
public record InboundMessage(
        String inboxId,
        String channel,
        String team,
        String providerMessageId,
        String threadKey,
        Contact contact,
        String kind,
        String subject,
        String text,
        List<Attachment> attachments,
        Location location,
        String replyTo,
        String target,
        boolean publicPost,
        boolean echo,
        boolean autoReply,
        Instant sentAt,
        Instant receivedAt) {

    public InboundMessage {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Values of {@link #kind()}. */
    public static final class Kind {
        public static final String TEXT = "text";
        public static final String MEDIA = "media";
        public static final String LOCATION = "location";
        public static final String INTERACTIVE = "interactive";
        public static final String REACTION = "reaction";
        public static final String COMMAND = "command";
        public static final String EDIT = "edit";
        public static final String DELETE = "delete";
        public static final String UNSUPPORTED = "unsupported";

        private Kind() {}
    }

    /**
     * @param sourceId the person's id on the channel (wa_id, PSID, X user id, chat id, e-mail address)
     * @param verified the channel proved the address is the sender's: an e-mail whose relay reported DMARC pass (or
     *     DKIM pass for the From domain). A bare From header proves nothing; only verified addresses merge contacts.
     */
    public record Contact(String sourceId, String displayName, boolean verified) {
        public Contact(String sourceId, String displayName) {
            this(sourceId, displayName, false);
        }
    }

    /**
     * @param kind image, video, audio, document, sticker, file, inline-image...
     * @param url where the channel serves it, when it gives a URL
     * @param providerId the channel's media id, when it gives one instead (WhatsApp, Telegram)
     */
    public record Attachment(String kind, String url, String providerId, String fileName, String mimeType) {}

    public record Location(double latitude, double longitude, String name, String address) {}

    /** The Kafka key: one partition per conversation keeps its messages in order. */
    public String conversationKey() {
        return inboxId + ":" + threadKey;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** For adapters: most messages set a handful of the fields. */
    public static final class Builder {
        private String inboxId;
        private String channel;
        private String team;
        private String providerMessageId;
        private String threadKey;
        private Contact contact;
        private String kind = Kind.TEXT;
        private String subject;
        private String text;
        private List<Attachment> attachments = List.of();
        private Location location;
        private String replyTo;
        private String target;
        private boolean publicPost;
        private boolean echo;
        private boolean autoReply;
        private Instant sentAt;
        private Instant receivedAt;

        public Builder inbox(String inboxId, String channel, String team) {
            this.inboxId = inboxId;
            this.channel = channel;
            this.team = team;
            return this;
        }

        public Builder providerMessageId(String value) {
            providerMessageId = value;
            return this;
        }

        public Builder threadKey(String value) {
            threadKey = value;
            return this;
        }

        public Builder contact(String sourceId, String displayName) {
            contact = new Contact(sourceId, displayName);
            return this;
        }

        public Builder contact(Contact value) {
            contact = value;
            return this;
        }

        public Builder kind(String value) {
            kind = value;
            return this;
        }

        public Builder subject(String value) {
            subject = value;
            return this;
        }

        public Builder text(String value) {
            text = value;
            return this;
        }

        public Builder attachments(List<Attachment> value) {
            attachments = value;
            return this;
        }

        public Builder location(Location value) {
            location = value;
            return this;
        }

        public Builder replyTo(String value) {
            replyTo = value;
            return this;
        }

        public Builder target(String value) {
            target = value;
            return this;
        }

        public Builder publicPost(boolean value) {
            publicPost = value;
            return this;
        }

        public Builder echo(boolean value) {
            echo = value;
            return this;
        }

        public Builder autoReply(boolean value) {
            autoReply = value;
            return this;
        }

        public Builder sentAt(Instant value) {
            sentAt = value;
            return this;
        }

        public Builder receivedAt(Instant value) {
            receivedAt = value;
            return this;
        }

        public InboundMessage build() {
            return new InboundMessage(
                    inboxId,
                    channel,
                    team,
                    providerMessageId,
                    threadKey,
                    contact,
                    kind,
                    subject,
                    text,
                    attachments,
                    location,
                    replyTo,
                    target,
                    publicPost,
                    echo,
                    autoReply,
                    sentAt != null ? sentAt : receivedAt,
                    receivedAt);
        }
    }
}
