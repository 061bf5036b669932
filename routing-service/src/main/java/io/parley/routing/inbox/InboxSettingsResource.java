package io.parley.routing.inbox;

import io.parley.problem.ProblemException;
import io.parley.routing.audit.AuditLog;
import io.parley.security.Actor;
import io.parley.security.Roles;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

@Path("/inboxes/{inbox}/settings")
@RolesAllowed({Roles.SUPERVISOR, Roles.ADMIN})
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InboxSettingsResource {
    public record SettingsView(String inboxId, String survey, Integer reopenWindowMinutes) {}

    private final Clock clock;
    private final Duration defaultWindow;

    private final AuditLog audit;
    private final SecurityIdentity identity;

    public InboxSettingsResource(
            Clock clock,
            @ConfigProperty(name = "parley.routing.reopen-window") Duration window,
            AuditLog audit,
            SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
        this.clock = clock;
        this.defaultWindow = window;
    }

    @GET
    @WithSession
    public Uni<SettingsView> get(@PathParam("inbox") String inbox) {
        return InboxSettings.<InboxSettings>findById(inbox)
                .map(s -> s == null
                        ? new SettingsView(inbox, InboxSettings.NO_SURVEY, (int) defaultWindow.toMinutes())
                        : new SettingsView(inbox, s.survey, s.reopenWindowMinutes));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @WithTransaction
    public Uni<SettingsView> put(@PathParam("inbox") String inbox, SettingsView body) {
        if (body == null) {
            throw ProblemException.unprocessable("survey and reopenWindowMinutes are required");
        }
        String survey = body.survey() == null ? InboxSettings.NO_SURVEY : body.survey();
        if (!List.of(InboxSettings.NO_SURVEY, InboxSettings.CSAT, InboxSettings.NPS)
                .contains(survey)) {
            throw ProblemException.unprocessable("survey must be none, csat or nps");
        }
        int window = body.reopenWindowMinutes() == null ? (int) defaultWindow.toMinutes() : body.reopenWindowMinutes();
        if (window < 0) {
            throw ProblemException.unprocessable("reopenWindowMinutes must not be negative");
        }
        return InboxSettings.<InboxSettings>findById(inbox)
                .flatMap(existing -> {
                    InboxSettings settings = existing != null ? existing : new InboxSettings();
                    settings.inboxId = inbox;
                    settings.survey = survey;
                    settings.reopenWindowMinutes = window;
                    settings.updatedAt = clock.instant();
                    return (existing != null ? Uni.createFrom().item(settings) : settings.<InboxSettings>persist())
                            .map(s -> new SettingsView(s.inboxId, s.survey, s.reopenWindowMinutes));
                })
                .call(() -> audit.record(
                        Actor.of(identity),
                        "inbox-settings.put",
                        "inbox",
                        inbox,
                        "survey=" + survey + " reopenWindowMinutes=" + window));
    }
}
