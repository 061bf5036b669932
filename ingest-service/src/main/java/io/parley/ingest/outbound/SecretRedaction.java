package io.parley.ingest.outbound;

import io.parley.ingest.inbox.Inbox;

/**
 * Takes an inbox's secret and access token out of text bound for a log: a channel client's error can quote the
 * request's URL, and Telegram's Bot API carries the bot token in it.
 */
final class SecretRedaction {
    static final String REDACTED = "[redacted]";

    private SecretRedaction() {}

    static String redact(String text, Inbox inbox) {
        if (text == null || inbox == null) {
            return text;
        }
        String redacted = text;
        for (String secret : new String[] {inbox.accessToken, inbox.secret, inbox.verifyToken}) {
            if (secret != null && !secret.isEmpty()) {
                redacted = redacted.replace(secret, REDACTED);
            }
        }
        return redacted;
    }
}
