package io.parley.contracts.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** routing-service's teams API ({@code /teams}), as routing answers and the gateway calls it. */
public final class Teams {
    /** Team ids, skills and the ids of business hours and SLA policies share one shape. */
    public static final String ID = "[a-z0-9][a-z0-9-]{0,63}";

    /** An agent's username, as Keycloak allows it. */
    public static final String USERNAME = "[A-Za-z0-9._@+-]{1,255}";

    private Teams() {}

    /**
     * A team: its roster (Keycloak's group of the same name is the source of who is in it), how conversations are
     * assigned, and which business hours and SLA policy apply.
     *
     * @param members the usernames on the roster, in order
     */
    public record Team(
            String id,
            List<String> members,
            List<Member> roster,
            Policy policy,
            String businessHoursId,
            String overnightTeam,
            String slaPolicyId) {}

    /**
     * @param availability online, away or offline, as the agent last set it
     * @param capacity open conversations this agent may hold in this team; null: the team policy's capacity
     */
    public record Member(String agent, String availability, List<String> skills, Integer capacity) {}

    /** Adds an agent to the team or changes their skills and capacity there. */
    public record MemberRequest(
            @Size(max = 50) List<@Pattern(regexp = ID) String> skills,
            @Min(0) Integer capacity) {}

    /**
     * How the team's conversations go to agents.
     *
     * @param strategy round_robin or least_loaded
     * @param capacity open conversations per agent unless the member has their own; null: no limit
     * @param skillsMatch only agents with every skill the conversation needs
     * @param fairLimit at most this many assignments per agent within fairWindowMinutes (both or neither)
     */
    public record Policy(
            @NotNull @Pattern(regexp = "round_robin|least_loaded")
            String strategy,

            @Min(1) Integer capacity,
            boolean skillsMatch,
            @Min(1) Integer fairLimit,
            @Min(1) Integer fairWindowMinutes) {}

    /**
     * @param businessHoursId the team's opening hours; null: always open
     * @param overnightTeam the team that takes new conversations while this one is closed
     * @param slaPolicyId the targets its conversations are timed against
     */
    public record Settings(
            @Pattern(regexp = ID) String businessHoursId,
            @Pattern(regexp = ID) String overnightTeam,
            @Pattern(regexp = ID) String slaPolicyId) {}

    /** A conversation waiting in the team's queue, in the order it will be served. */
    public record QueueEntry(UUID conversationId, String priority, Instant waitingSince) {}
}
