package io.parley.routing.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.problem.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Rules through the API: validated before they are stored, and every change audited with its author. */
@ApplicationScoped
public class RuleService {
    static final Set<String> TRIGGERS =
            Set.of(AutomationRule.CONVERSATION_CREATED, AutomationRule.MESSAGE_CREATED, AutomationRule.TAG_ADDED);
    private static final ObjectMapper JSON = new ObjectMapper();

    public record RuleView(
            UUID id,
            String name,
            Integer position,
            List<String> triggers,
            JsonNode conditions,
            JsonNode actions,
            Boolean enabled) {
        static RuleView of(AutomationRule rule) {
            try {
                return new RuleView(
                        rule.id,
                        rule.name,
                        rule.position,
                        List.of(rule.triggers.split(",")),
                        JSON.readTree(rule.conditions),
                        JSON.readTree(rule.actions),
                        rule.enabled);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public record AuditView(
            Long id, UUID ruleId, String change, String actor, JsonNode before, JsonNode after, Instant changedAt) {}

    private final Clock clock;

    public RuleService(Clock clock) {
        this.clock = clock;
    }

    @WithSession
    public Uni<List<RuleView>> list() {
        return AutomationRule.<AutomationRule>list("order by position, createdAt")
                .map(rules -> rules.stream().map(RuleView::of).toList());
    }

    @WithSession
    public Uni<RuleView> get(UUID id) {
        return find(id).map(RuleView::of);
    }

    @WithTransaction
    public Uni<RuleView> create(RuleView request, String actor) {
        validate(request);
        Instant now = clock.instant();
        AutomationRule rule = new AutomationRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = now;
        copy(request, rule, now);
        return rule.persist()
                .flatMap(v -> audit(rule.id, "created", actor, null, rule, now))
                .map(v -> RuleView.of(rule));
    }

    @WithTransaction
    public Uni<RuleView> update(UUID id, RuleView request, String actor) {
        validate(request);
        Instant now = clock.instant();
        return find(id).flatMap(rule -> {
            RuleView before = RuleView.of(rule);
            copy(request, rule, now);
            return audit(id, "updated", actor, before, rule, now).map(v -> RuleView.of(rule));
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, String actor) {
        Instant now = clock.instant();
        return find(id).flatMap(rule -> {
            RuleView before = RuleView.of(rule);
            return rule.delete().flatMap(v -> audit(id, "deleted", actor, before, null, now));
        });
    }

    @WithSession
    public Uni<List<AuditView>> audit(UUID ruleId) {
        Uni<List<RuleAudit>> entries = ruleId == null
                ? RuleAudit.list("order by id desc")
                : RuleAudit.list("ruleId = ?1 order by id desc", ruleId);
        return entries.map(list -> list.stream()
                .map(a -> new AuditView(a.id, a.ruleId, a.change, a.actor, tree(a.before), tree(a.after), a.changedAt))
                .toList());
    }

    private static Uni<AutomationRule> find(UUID id) {
        return AutomationRule.<AutomationRule>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No rule " + id + "."));
    }

    private static void validate(RuleView request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw ProblemException.unprocessable("name is required");
        }
        if (request.triggers() == null || request.triggers().isEmpty() || !TRIGGERS.containsAll(request.triggers())) {
            throw ProblemException.unprocessable("triggers must be a non-empty list of " + TRIGGERS);
        }
        try {
            Condition.parse(request.conditions());
            RuleAction.parse(request.actions());
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage());
        }
    }

    private static void copy(RuleView request, AutomationRule rule, Instant now) {
        rule.name = request.name();
        rule.position = request.position() == null ? 100 : request.position();
        rule.triggers = String.join(",", request.triggers());
        rule.conditions = request.conditions() == null
                ? "{\"all\":[]}"
                : request.conditions().toString();
        rule.actions = request.actions().toString();
        rule.enabled = request.enabled() == null || request.enabled();
        rule.updatedAt = now;
    }

    private static Uni<Void> audit(
            UUID ruleId, String change, String actor, RuleView before, AutomationRule after, Instant now) {
        RuleAudit audit = new RuleAudit();
        audit.ruleId = ruleId;
        audit.change = change;
        audit.actor = actor;
        try {
            audit.before = before == null ? null : JSON.writeValueAsString(before);
            audit.after = after == null ? null : JSON.writeValueAsString(RuleView.of(after));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        audit.changedAt = now;
        return audit.persist().replaceWithVoid();
    }

    private static JsonNode tree(String json) {
        try {
            return json == null ? null : JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
