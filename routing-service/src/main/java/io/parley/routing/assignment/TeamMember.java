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
