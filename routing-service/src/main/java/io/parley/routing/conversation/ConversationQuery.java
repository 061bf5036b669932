package io.parley.routing.conversation;

import io.parley.problem.ProblemException;
import io.quarkus.panache.common.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Filters of GET /conversations, turned into one HQL condition. Unknown enum values are the caller's error. */
public record ConversationQuery(String assignee, List<String> teams, String status, String inboxId) {

    String where() {
        List<String> conditions = new ArrayList<>();
        if (assignee != null) conditions.add("assignee = :assignee");
        if (teams != null && !teams.isEmpty()) conditions.add("team in :teams");
        if (status != null) conditions.add("status = :status");
        if (inboxId != null) conditions.add("inboxId = :inboxId");
        return conditions.isEmpty() ? "1 = 1" : String.join(" and ", conditions);
    }

    Parameters parameters() {
        Parameters parameters = new Parameters();
        if (assignee != null) parameters.and("assignee", assignee);
        if (teams != null && !teams.isEmpty()) parameters.and("teams", teams);
        if (status != null) parameters.and("status", parsedStatus());
        if (inboxId != null) parameters.and("inboxId", inboxId);
        return parameters;
    }

    private ConversationStatus parsedStatus() {
        try {
            return ConversationStatus.valueOf(status.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("status must be one of open, pending, snoozed, resolved");
        }
    }
}
