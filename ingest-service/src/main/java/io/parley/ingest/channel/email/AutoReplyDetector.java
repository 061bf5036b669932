package io.parley.ingest.channel.email;

import java.util.Locale;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.stream.Field;

/**
 * Recognises mail sent by machines (RFC 3834 Auto-Submitted, the common X-Autoreply and Precedence conventions,
 * delivery-status reports and mailer daemons) so it is recorded but never opens a conversation.
 */
final class AutoReplyDetector {
    private AutoReplyDetector() {}

    static boolean isAutomatic(Message message, String fromAddress) {
        String autoSubmitted = header(message, "Auto-Submitted");
        if (autoSubmitted != null
                && !autoSubmitted.trim().toLowerCase(Locale.ROOT).startsWith("no")) {
            return true;
        }
        if (header(message, "X-Autoreply") != null || header(message, "X-Autorespond") != null) {
            return true;
        }
        String precedence = header(message, "Precedence");
        if (precedence != null && precedence.trim().toLowerCase(Locale.ROOT).matches("auto_reply|bulk|junk|list")) {
            return true;
        }
        if ("multipart/report".equalsIgnoreCase(message.getMimeType())) {
            return true;
        }
        if (fromAddress != null) {
            String local = fromAddress.toLowerCase(Locale.ROOT).split("@", 2)[0];
            return local.equals("mailer-daemon") || local.equals("postmaster");
        }
        return false;
    }

    static String header(Entity entity, String name) {
        Field field = entity.getHeader() == null ? null : entity.getHeader().getField(name);
        return field == null ? null : field.getBody();
    }
}
