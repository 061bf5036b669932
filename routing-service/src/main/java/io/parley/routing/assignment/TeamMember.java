package io.parley.routing.assignment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

@Entity
@Table(name = "team_member")
@IdClass(TeamMember.Key.class)
public class TeamMember extends PanacheEntityBase {
    @Id
    public String team;

    /** The agent's username (Keycloak preferred_username). */
    @Id
    public String agent;

    @Column(name = "created_at")
    public Instant createdAt;

    /** Comma-separated: language codes (en, es) and any skill words the team uses. */
    public String skills = "";

    /** Overrides the policy's per-agent capacity for this agent in this team. */
    public Integer capacity;

    public java.util.Set<String> skillSet() {
        return java.util.Arrays.stream(skills.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(java.util.Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
    }

    public static class Key implements Serializable {
        public String team;
        public String agent;

        public Key() {}

        public Key(String team, String agent) {
            this.team = team;
            this.agent = agent;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(team, k.team) && Objects.equals(agent, k.agent);
        }

        @Override
        public int hashCode() {
            return Objects.hash(team, agent);
        }
    }
}
