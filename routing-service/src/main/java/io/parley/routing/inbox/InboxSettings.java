package io.parley.routing.inbox;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What routing does per inbox: the survey sent on resolve and the reopen window. No row = defaults. */
@Entity
@Table(name = "inbox_settings")
public class InboxSettings extends PanacheEntityBase {
    public static final String NO_SURVEY = "none";
    public static final String CSAT = "csat";
    public static final String NPS = "nps";

    @Id
    @Column(name = "inbox_id")
    public String inboxId;

    /** none, csat (1–5) or nps (0–10). */
    public String survey = NO_SURVEY;

    @Column(name = "reopen_window_minutes")
    public int reopenWindowMinutes;

    /** none, initials or name: how the gateway signs agents' replies from this inbox. */
    @Column(name = "reply_signature")
    public String replySignature = io.parley.contracts.api.InboxSettings.NO_SIGNATURE;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
