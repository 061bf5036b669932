package io.parley.routing.inbox;

import io.parley.contracts.api.InboxSettings.Settings;
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

    /** Agents read them too: the gateway signs their replies by them. */
    @GET
    @RolesAllowed({Roles.AGENT, Roles.SUPERVISOR, Roles.ADMIN})
    @WithSession
    public Uni<Settings> get(@PathParam("inbox") String inbox) {
        return InboxSettings.<InboxSettings>findById(inbox)
                .map(s -> s == null
                        ? new Settings(
                                inbox,
                                InboxSettings.NO_SURVEY,
                                (int) defaultWindow.toMinutes(),
                                io.parley.contracts.api.InboxSettings.NO_SIGNATURE)
                        : view(s));
    }

    @PUT
    @RolesAllowed(Roles.ADMIN)
    @WithTransaction
    public Uni<Settings> put(@PathParam("inbox") String inbox, Settings body) {
        if (body == null) {
            throw ProblemException.unprocessable("survey and reopenWindowMinutes are required");
        }
        String survey = body.survey() == null ? InboxSettings.NO_SURVEY : body.survey();
        if (!List.of(InboxSettings.NO_SURVEY, InboxSettings.CSAT, InboxSettings.NPS)
                .contains(survey)) {
            throw ProblemException.unprocessable("survey must be none, csat or nps");
        }
        int window = body.reopenWindowMinutes() == null ? (int) defaultWindow.toMinutes() : body.reopenWindowMinutes();
        String signature = body.replySignature() == null
                ? io.parley.contracts.api.InboxSettings.NO_SIGNATURE
                : body.replySignature();
        if (!List.of(
                        io.parley.contracts.api.InboxSettings.NO_SIGNATURE,
                        io.parley.contracts.api.InboxSettings.INITIALS,
                        io.parley.contracts.api.InboxSettings.NAME)
                .contains(signature)) {
            throw ProblemException.unprocessable("replySignature must be none, initials or name");
        }
        if (window < 0) {
            throw ProblemException.unprocessable("reopenWindowMinutes must not be negative");
        }
        return InboxSettings.<InboxSettings>findById(inbox)
                .flatMap(existing -> {
                    InboxSettings settings = existing != null ? existing : new InboxSettings();
                    settings.inboxId = inbox;
                    settings.survey = survey;
                    settings.reopenWindowMinutes = window;
                    settings.replySignature = signature;
                    settings.updatedAt = clock.instant();
                    return (existing != null ? Uni.createFrom().item(settings) : settings.<InboxSettings>persist())
                            .map(InboxSettingsResource::view);
                })
                .call(() -> audit.record(
                        Actor.of(identity),
                        "inbox-settings.put",
                        "inbox",
                        inbox,
                        "survey=" + survey + " reopenWindowMinutes=" + window + " replySignature=" + signature));
    }

    private static Settings view(InboxSettings settings) {
        return new Settings(settings.inboxId, settings.survey, settings.reopenWindowMinutes, settings.replySignature);
    }
}
