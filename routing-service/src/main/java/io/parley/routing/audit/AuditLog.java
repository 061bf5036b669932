package io.parley.routing.audit;

import io.parley.audit.AuditTrail;
import io.parley.security.Actor;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/**
 * Records a configuration change (rules, teams, hours, SLA policies, tags, inbox settings, contacts, availability) with
 * its actor in routing's audit log: in the change's transaction when the caller is inside one, else in its own right
 * after. Conversation actions record theirs in {@code ConversationCommands}.
 */
@ApplicationScoped
public class AuditLog {
    private final Clock clock;

    public AuditLog(Clock clock) {
        this.clock = clock;
    }

    public Uni<Void> record(Actor actor, String action, String objectType, String objectId, String detail) {
        return AuditTrail.record(actor.username(), action, objectType, objectId, detail, clock.instant());
    }
}
