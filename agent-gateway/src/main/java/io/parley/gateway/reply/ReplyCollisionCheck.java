package io.parley.gateway.reply;

import io.parley.contracts.api.Conversations;
import io.parley.problem.ProblemException;
import java.util.UUID;

/**
 * Two agents answering the same customer: a reply composed after the agent last saw message {@code lastSeen} is
 * refused with 409 when someone else has replied since (not Parley's automations), unless the agent confirms it.
 * Without {@code lastSeen} (an API client that did not say) nothing is checked.
 */
public final class ReplyCollisionCheck {
    public static final String PROBLEM_TYPE = "https://parley.dev/problems/replied-meanwhile";
    static final String AUTOMATION = "parley-automation";

    private ReplyCollisionCheck() {}

    public static void check(Conversations.Conversation conversation, String agent, UUID lastSeen, boolean confirmed) {
        if (lastSeen == null || confirmed) {
            return;
        }
        boolean after = false;
        String other = null;
        for (Conversations.Message message : conversation.messages()) {
            if (after && "outgoing".equals(message.direction())) {
                String author = message.agent();
                if (!agent.equals(author) && !AUTOMATION.equals(author)) {
                    other = author == null ? "someone in the channel's own app" : author;
                }
            }
            if (lastSeen.equals(message.id())) {
                after = true;
            }
        }
        if (other != null) {
            throw new ProblemException(
                    409,
                    "Someone replied meanwhile",
                    other + " replied after you opened this conversation. Read their reply, then confirm to send"
                            + " yours as well.",
                    PROBLEM_TYPE);
        }
    }
}
