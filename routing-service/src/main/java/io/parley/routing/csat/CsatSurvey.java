package io.parley.routing.csat;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A survey sent once per conversation when it was resolved, and the customer's answer. */
@Entity
@Table(name = "csat_survey")
public class CsatSurvey extends PanacheEntityBase {
    @Id
    public UUID id;

    @Column(name = "conversation_id")
    public UUID conversationId;

    /** csat or nps. */
    public String kind;

    @Column(name = "requested_at")
    public Instant requestedAt;

    public Integer rating;

    public String comment;

    @Column(name = "responded_at")
    public Instant respondedAt;
}
