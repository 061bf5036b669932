package io.parley.routing.hours;

import io.parley.routing.assignment.TeamSettings;
import io.parley.routing.conversation.AutomatedMessages;
import io.parley.routing.conversation.Conversation;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * A customer who writes while their team is closed hears so once per conversation (the calendar's away message), and a
 * new conversation goes to the team's overnight team if it has one.
 */
@ApplicationScoped
public class OutOfHours {
    private final AutomatedMessages automated;
    private final TeamSettings teams;

    public OutOfHours(AutomatedMessages automated, TeamSettings teams) {
        this.automated = automated;
        this.teams = teams;
    }

    /** Whether the team is working at {@code at}; a team without a calendar always is. */
    public Uni<Boolean> isOpen(String teamId, Instant at) {
        return hoursOf(teamId).map(hours -> hours == null || hours.calendar().isOpen(at));
    }

    /** @param isNew the conversation was started by this message: only then is it handed to the overnight team */
    public Uni<Void> apply(Conversation conversation, boolean isNew, Instant now) {
        return teams.of(conversation.team).flatMap(team -> {
            if (team == null || team.businessHoursId() == null) {
                return Uni.createFrom().voidItem();
            }
            return BusinessHours.<BusinessHours>findById(team.businessHoursId()).flatMap(hours -> {
                if (hours == null || hours.calendar().isOpen(now)) {
                    return Uni.createFrom().voidItem();
                }
                if (isNew && team.overnightTeam() != null) {
                    conversation.team = team.overnightTeam();
                }
                if (hours.awayMessage == null || conversation.awaySentAt != null) {
                    return Uni.createFrom().voidItem();
                }
                conversation.awaySentAt = now;
                return automated
                        .send(conversation, hours.awayMessage, AutomatedMessages.AUTOMATION, now)
                        .replaceWithVoid();
            });
        });
    }

    private Uni<BusinessHours> hoursOf(String teamId) {
        return teams.of(teamId)
                .flatMap(team -> team == null || team.businessHoursId() == null
                        ? Uni.createFrom().nullItem()
                        : BusinessHours.<BusinessHours>findById(team.businessHoursId()));
    }
}
