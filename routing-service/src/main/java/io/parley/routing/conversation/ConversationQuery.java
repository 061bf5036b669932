package io.parley.routing.conversation;

import io.parley.problem.ProblemException;
import io.parley.routing.sla.SlaTimer;
import io.quarkus.panache.common.Parameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Filters of GET /conversations and where its page starts, turned into one HQL condition. {@code assignee=none} finds
 * unassigned conversations; {@code text} searches the messages. Unknown enum values are the caller's error.
 */
public record ConversationQuery(
        String assignee,
        List<String> teams,
        String status,
        String inboxId,
        String tag,
        String priority,
        String channel,
        String text,
        Instant slaDueBefore,
        ConversationCursor after) {

    public static final String UNASSIGNED = "none";

    String where() {
        List<String> conditions = new ArrayList<>();
        if (UNASSIGNED.equals(assignee)) conditions.add("assignee is null");
        else if (assignee != null) conditions.add("assignee = :assignee");
        if (teams != null && !teams.isEmpty()) conditions.add("team in :teams");
        if (status != null) conditions.add("status = :status");
        if (inboxId != null) conditions.add("inboxId = :inboxId");
        if (priority != null) conditions.add("priority = :priority");
        if (channel != null) conditions.add("channel = :channel");
        if (tag != null) {
            conditions.add("id in (select t.conversationId from ConversationTag t where t.tag = :tag)");
        }
        if (text != null && !text.isBlank()) {
            conditions.add("id in (select m.conversationId from Message m"
                    + " where m.direction <> 'note' and lower(m.content) like :text escape '!')");
        }
        if (slaDueBefore != null) {
            conditions.add("id in (select t.conversationId from SlaTimer t where t.state = :running"
                    + " and t.dueAt <= :slaDueBefore)");
        }
        if (after != null) {
            conditions.add("(lastMessageAt < :afterAt or (lastMessageAt = :afterAt and id < :afterId))");
        }
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    Parameters parameters() {
        Parameters parameters = new Parameters();
        if (assignee != null && !UNASSIGNED.equals(assignee)) parameters.and("assignee", assignee);
        if (teams != null && !teams.isEmpty()) parameters.and("teams", teams);
        if (status != null) {
            try {
                parameters.and("status", ConversationStatus.parse(status));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(e.getMessage());
            }
        }
        if (inboxId != null) parameters.and("inboxId", inboxId);
        if (priority != null) {
            try {
                parameters.and("priority", Priority.parse(priority));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest(e.getMessage());
            }
        }
        if (channel != null) parameters.and("channel", channel);
        if (tag != null) parameters.and("tag", tag);
        if (text != null && !text.isBlank()) {
            String escaped = text.toLowerCase(Locale.ROOT)
                    .replace("!", "!!")
                    .replace("%", "!%")
                    .replace("_", "!_");
            parameters.and("text", "%" + escaped + "%");
        }
        if (slaDueBefore != null) {
            parameters.and("running", SlaTimer.State.RUNNING).and("slaDueBefore", slaDueBefore);
        }
        if (after != null) {
            parameters.and("afterAt", after.lastMessageAt()).and("afterId", after.id());
        }
        return parameters;
    }
}
