package io.parley.ingest.channel.email;

import io.parley.contracts.InboundMessage;
import io.parley.contracts.InboundMessage.Kind;
import io.parley.contracts.WebhookSignature;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.channel.ChannelAdapter;
import io.parley.ingest.channel.WebhookBatch;
import io.parley.ingest.channel.WebhookRequest;
import io.parley.ingest.inbox.Inbox;
import io.parley.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.dom.Body;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.MimeConfig;

/**
 * Raw RFC 822 mail POSTed by the mail relay, authenticated with HTTP basic auth (password = the inbox secret) or the
 * {@code X-Parley-Relay-Secret} header. Threads by the root of References, then In-Reply-To, then the Message-ID.
 */
@ApplicationScoped
public class EmailAdapter implements ChannelAdapter {
    public static final String RELAY_SECRET_HEADER = "X-Parley-Relay-Secret";
    static final MediaType RFC822 = MediaType.valueOf("message/rfc822");

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public boolean accepts(MediaType type) {
        return type != null
                && (RFC822.isCompatible(type)
                        || MediaType.TEXT_PLAIN_TYPE.isCompatible(type)
                        || MediaType.APPLICATION_OCTET_STREAM_TYPE.isCompatible(type));
    }

    @Override
    public boolean verify(Inbox inbox, WebhookRequest request) {
        String relaySecret = request.header(RELAY_SECRET_HEADER);
        if (relaySecret != null) {
            return WebhookSignature.constantTimeEquals(inbox.secret, relaySecret);
        }
        String authorization = request.header("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String credentials = new String(
                    Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = credentials.indexOf(':');
            return colon >= 0 && WebhookSignature.constantTimeEquals(inbox.secret, credentials.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @Override
    public WebhookBatch parse(Inbox inbox, WebhookRequest request) {
        Message message = read(request.body());
        Mailbox from = message.getFrom() == null || message.getFrom().isEmpty()
                ? null
                : message.getFrom().get(0);
        if (from == null || from.getAddress() == null) {
            throw ProblemException.unprocessable("The e-mail has no From address.");
        }
        String address = from.getAddress().toLowerCase(Locale.ROOT);
        String messageId = messageId(message, request.body());
        String inReplyTo = firstId(AutoReplyDetector.header(message, "In-Reply-To"));
        String root = firstId(AutoReplyDetector.header(message, "References"));
        Content content = new Content();
        content.collect(message);
        return WebhookBatch.of(List.of(InboundMessage.builder()
                .inbox(inbox.id, inbox.channel, inbox.team)
                .providerMessageId(messageId)
                .threadKey(root != null ? root : inReplyTo != null ? inReplyTo : messageId)
                .replyTo(inReplyTo)
                .contact(new InboundMessage.Contact(
                        address, from.getName(), SenderAuthentication.verified(message, address)))
                .kind(content.attachments.isEmpty() ? Kind.TEXT : Kind.MEDIA)
                .subject(message.getSubject())
                .text(content.text())
                .attachments(content.attachments)
                .autoReply(AutoReplyDetector.isAutomatic(message, address))
                .sentAt(message.getDate() != null ? message.getDate().toInstant() : request.receivedAt())
                .receivedAt(request.receivedAt())
                .build()));
    }

    private static Message read(byte[] body) {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(MimeConfig.custom()
                .setMaxHeaderCount(500)
                .setMaxLineLen(-1)
                .setMaxHeaderLen(64 * 1024)
                .build());
        try {
            Message message = builder.parseMessage(new ByteArrayInputStream(body));
            if (message.getHeader() == null || message.getHeader().getFields().isEmpty()) {
                throw ProblemException.badRequest("Not an RFC 822 message: no header.");
            }
            return message;
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest("Not an RFC 822 message: " + e.getMessage());
        }
    }

    private static String messageId(Message message, byte[] body) {
        String id = firstId(message.getMessageId());
        if (id != null) {
            return id;
        }
        // Without a Message-ID the content identifies the mail, so a relay retry is still a duplicate.
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                                    .digest(body));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code <id>} of a header such as References, without the angle brackets. */
    static String firstId(String header) {
        if (header == null) {
            return null;
        }
        String trimmed = header.trim();
        int open = trimmed.indexOf('<');
        int close = trimmed.indexOf('>', open + 1);
        String id = open >= 0 && close > open ? trimmed.substring(open + 1, close) : trimmed.split("\\s+")[0];
        return id.isBlank() || id.length() > 255 ? null : id;
    }

    /** Walks the MIME tree: the first plain-text part is the text (HTML if there is none), the rest attachments. */
    private static final class Content {
        private String plain;
        private String html;
        private final List<InboundMessage.Attachment> attachments = new ArrayList<>();

        void collect(Entity entity) {
            Body body = entity.getBody();
            if (body instanceof Multipart multipart) {
                multipart.getBodyParts().forEach(this::collect);
                return;
            }
            if (body instanceof Message nested) {
                attachments.add(
                        new InboundMessage.Attachment("message", null, null, nested.getSubject(), "message/rfc822"));
                return;
            }
            String mimeType = entity.getMimeType();
            boolean attachment =
                    "attachment".equalsIgnoreCase(entity.getDispositionType()) || entity.getFilename() != null;
            if (!attachment
                    && body instanceof TextBody text
                    && "text/plain".equalsIgnoreCase(mimeType)
                    && plain == null) {
                plain = read(text);
            } else if (!attachment
                    && body instanceof TextBody text
                    && "text/html".equalsIgnoreCase(mimeType)
                    && html == null) {
                html = read(text);
            } else {
                String contentId = firstId(AutoReplyDetector.header(entity, "Content-ID"));
                boolean inline = "inline".equalsIgnoreCase(entity.getDispositionType()) || contentId != null;
                attachments.add(new InboundMessage.Attachment(
                        inline && mimeType.startsWith("image/") ? "inline-image" : "file",
                        null,
                        contentId,
                        entity.getFilename(),
                        mimeType));
            }
        }

        String text() {
            if (plain != null) {
                return plain.strip();
            }
            return html != null ? HtmlText.of(html) : null;
        }

        private static String read(TextBody body) {
            try (Reader reader = body.getReader()) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[4096];
                for (int n; (n = reader.read(buffer)) > 0; ) {
                    text.append(buffer, 0, n);
                }
                return text.toString();
            } catch (IOException | RuntimeException e) {
                throw ProblemException.badRequest("A text part could not be decoded.");
            }
        }
    }
}
