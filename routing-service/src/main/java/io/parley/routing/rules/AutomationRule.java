package io.parley.routing.rules;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An automation rule; conditions and actions are kept as the JSON the API took. */
@Entity
@Table(name = "automation_rule")
public class AutomationRule extends PanacheEntityBase {
    /** When rules run. */
    public static final String CONVERSATION_CREATED = "conversation_created";

    public static final String MESSAGE_CREATED = "message_created";
    public static final String TAG_ADDED = "tag_added";

    @Id
    public UUID id;

    public String name;

    /** Rules run in ascending position. */
    public int position;

    /** Comma-separated trigger names. */
    public String triggers;

    public String conditions;

    public String actions;

    public boolean enabled;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
