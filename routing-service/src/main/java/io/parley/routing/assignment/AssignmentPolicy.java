package io.parley.routing.assignment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** How one team hands out conversations. A team without a row uses round-robin with no limits. */
@Entity
@Table(name = "assignment_policy")
public class AssignmentPolicy extends PanacheEntityBase {
    @Id
    public String team;

    @Enumerated(EnumType.STRING)
    public AssignmentStrategy strategy = AssignmentStrategy.ROUND_ROBIN;

    /** Most open + pending conversations an agent holds at once; null = no limit. */
    public Integer capacity;

    /** Prefer agents whose skills include the conversation's language. */
    @Column(name = "skills_match")
    public boolean skillsMatch;

    /** Most assignments one agent gets from this team per window; null = no limit. */
    @Column(name = "fair_limit")
    public Integer fairLimit;

    @Column(name = "fair_window_minutes")
    public Integer fairWindowMinutes;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static AssignmentPolicy defaults(String team) {
        AssignmentPolicy policy = new AssignmentPolicy();
        policy.team = team;
        return policy;
    }
}
