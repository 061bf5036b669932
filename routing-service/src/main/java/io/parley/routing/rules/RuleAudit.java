package io.parley.routing.rules;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "automation_rule_audit")
public class RuleAudit extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "rule_id")
    public UUID ruleId;

    /** created, updated or deleted. */
    public String change;

    public String actor;

    public String before;

    public String after;

    @Column(name = "changed_at")
    public Instant changedAt;
}
