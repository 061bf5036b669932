package io.parley.ingest.inbox;

import io.parley.audit.AuditTrail;
import io.parley.ingest.channel.Channel;
import io.parley.problem.ProblemException;
import io.parley.security.Actor;
import io.quarkus.cache.CacheInvalidate;
import io.quarkus.cache.CacheKey;
import io.quarkus.cache.CacheResult;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

@ApplicationScoped
public class InboxService {
    private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    /** Shorter secrets make forging an HMAC cheaper than it should be. */
    static final int MIN_SECRET_LENGTH = 16;

    /** Every webhook looks its inbox up: cached briefly, so a changed secret is in force everywhere within seconds. */
    @CacheResult(cacheName = "inboxes")
    @WithSession
    public Uni<Inbox> find(String id) {
        return Inbox.findById(id);
    }

    @WithSession
    public Uni<Inbox> get(String id) {
        return Inbox.<Inbox>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No inbox " + id + "."));
    }

    @WithSession
    public Uni<List<Inbox>> list() {
        return Inbox.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    /**
     * Creates or replaces an inbox; an omitted secret keeps the current one. The audit log records who did it and which
     * fields changed, naming secrets that changed but never their values.
     */
    @CacheInvalidate(cacheName = "inboxes")
    @WithTransaction
    public Uni<Inbox> put(@CacheKey String id, InboxRequest request, Actor actor) {
        return Inbox.<Inbox>findById(id).flatMap(existing -> {
            validate(id, request, existing);
            Instant now = Instant.now();
            Inbox inbox = existing == null ? new Inbox() : existing;
            if (existing == null) {
                inbox.id = id;
                inbox.createdAt = now;
            }
            inbox.channel = request.channel();
            inbox.name = request.name();
            inbox.team = request.team();
            if (request.secret() != null) {
                inbox.secret = request.secret();
            }
            if (request.verifyToken() != null) {
                inbox.verifyToken = request.verifyToken();
            }
            inbox.accountId = request.accountId();
            if (request.accessToken() != null) {
                inbox.accessToken = request.accessToken();
            }
            inbox.senderAddress = request.senderAddress();
            inbox.updatedAt = now;
            String detail =
                    "channel=" + inbox.channel + " team=" + inbox.team + " secrets changed=" + changedSecrets(request);
            return (existing == null ? inbox.<Inbox>persist() : Uni.createFrom().item(inbox))
                    .call(saved -> AuditTrail.record(
                            actor.username(),
                            existing == null ? "inbox.created" : "inbox.updated",
                            "inbox",
                            id,
                            detail,
                            now));
        });
    }

    private static List<String> changedSecrets(InboxRequest request) {
        List<String> changed = new ArrayList<>();
        if (request.secret() != null) {
            changed.add("secret");
        }
        if (request.verifyToken() != null) {
            changed.add("verifyToken");
        }
        if (request.accessToken() != null) {
            changed.add("accessToken");
        }
        return changed;
    }

    private static void validate(String id, InboxRequest request, Inbox existing) {
        boolean creating = existing == null;
        List<String> errors = new ArrayList<>();
        if (!SLUG.matcher(id).matches()) {
            errors.add("id must be lower-case letters, digits and dashes (at most 64)");
        }
        if (request == null) {
            throw ProblemException.badRequest("A JSON body with channel, name, team and secret is required.");
        }
        java.util.Optional<Channel> channel = Channel.byId(request.channel() == null ? "" : request.channel());
        if (channel.isEmpty()) {
            errors.add("channel must be one of: "
                    + java.util.Arrays.stream(Channel.values())
                            .map(Channel::id)
                            .collect(java.util.stream.Collectors.joining(", ")));
        } else if (existing != null && !existing.channel.equals(request.channel())) {
            errors.add("the channel of an inbox cannot change; create another inbox");
        }
        boolean meta = channel.filter(c -> c == Channel.WHATSAPP || c == Channel.MESSENGER || c == Channel.INSTAGRAM)
                .isPresent();
        if (meta && request.verifyToken() == null && (existing == null || existing.verifyToken == null)) {
            errors.add("verifyToken is required for Meta channels (the hub.verify_token you give Meta)");
        }
        if (meta && (request.accountId() == null || request.accountId().isBlank())) {
            errors.add("accountId is required for Meta channels (the page id, Instagram account id or phone number id"
                    + " whose webhooks this inbox takes)");
        }
        if (request.name() == null || request.name().isBlank()) {
            errors.add("name is required");
        }
        if (request.team() == null || !SLUG.matcher(request.team()).matches()) {
            errors.add("team must be a team id (lower-case letters, digits, dashes)");
        }
        if ((creating || request.secret() != null)
                && (request.secret() == null || request.secret().length() < MIN_SECRET_LENGTH)) {
            errors.add("secret must have at least " + MIN_SECRET_LENGTH + " characters");
        }
        if (!errors.isEmpty()) {
            throw ProblemException.unprocessable(String.join("; ", errors));
        }
    }
}
