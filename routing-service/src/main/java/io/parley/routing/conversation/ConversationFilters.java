package io.parley.routing.conversation;

import io.parley.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** The query parameters GET /conversations and GET /conversations/count share. */
public class ConversationFilters {
    /** An agent's username, or {@code none} for unassigned conversations. */
    @QueryParam("assignee")
    public String assignee;

    /** Any of these teams (repeatable). */
    @QueryParam("team")
    public List<String> teams;

    @QueryParam("status")
    public String status;

    @QueryParam("inbox")
    public String inboxId;

    @QueryParam("tag")
    public String tag;

    @QueryParam("priority")
    public String priority;

    @QueryParam("channel")
    public String channel;

    /** Words to find in the customers' and agents' messages. */
    @QueryParam("q")
    public String text;

    /** Only conversations with an SLA target running out within this many minutes (or already overdue). */
    @QueryParam("slaDueWithinMinutes")
    public Integer slaDueWithinMinutes;

    ConversationQuery query(ConversationCursor after, Instant now) {
        if (slaDueWithinMinutes != null && (slaDueWithinMinutes < 1 || slaDueWithinMinutes > MAX_SLA_MINUTES)) {
            throw ProblemException.badRequest("slaDueWithinMinutes must be between 1 and " + MAX_SLA_MINUTES);
        }
        Instant slaDueBefore = slaDueWithinMinutes == null ? null : now.plus(Duration.ofMinutes(slaDueWithinMinutes));
        return new ConversationQuery(
                assignee, teams, status, inboxId, tag, priority, channel, text, slaDueBefore, after);
    }

    static final int MAX_SLA_MINUTES = 7 * 24 * 60;
}
