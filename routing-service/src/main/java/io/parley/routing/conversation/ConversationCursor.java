package io.parley.routing.conversation;

import io.parley.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of conversations ended, in the list's order (latest message first, then id): the next page starts
 * after it. Opaque to clients (base64url of the last row's time and id), stable while conversations come and go.
 */
public record ConversationCursor(Instant lastMessageAt, UUID id) {

    public static ConversationCursor after(Conversation last) {
        return new ConversationCursor(last.lastMessageAt, last.id);
    }

    /** @throws ProblemException 400 when the text is no cursor of this list */
    public static ConversationCursor parse(String text) {
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
            int bar = decoded.indexOf('|');
            return new ConversationCursor(
                    Instant.parse(decoded.substring(0, bar)), UUID.fromString(decoded.substring(bar + 1)));
        } catch (RuntimeException e) {
            throw ProblemException.badRequest("cursor is not one this list gave out.");
        }
    }

    public String encode() {
        return Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString((lastMessageAt + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
