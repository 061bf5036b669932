package io.parley.routing.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.parley.contracts.api.Rules;
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
    private static final ObjectReader ACTIONS = JSON.readerForListOf(Rules.Action.class);

    static Rules.Rule view(AutomationRule rule) {
        try {
            return new Rules.Rule(
                    rule.id,
                    rule.name,
                    rule.position,
                    List.of(rule.triggers.split(",")),
                    JSON.readValue(rule.conditions, Rules.Condition.class),
                    ACTIONS.readValue(rule.actions),
                    rule.enabled);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private final Clock clock;

    public RuleService(Clock clock) {
        this.clock = clock;
    }

    @WithSession
    public Uni<List<Rules.Rule>> list() {
        return AutomationRule.<AutomationRule>list("order by position, createdAt")
                .map(rules -> rules.stream().map(RuleService::view).toList());
    }

    @WithSession
    public Uni<Rules.Rule> get(UUID id) {
        return find(id).map(RuleService::view);
    }

    @WithTransaction
    public Uni<Rules.Rule> create(Rules.Rule request, String actor) {
        Stored stored = validate(request);
        Instant now = clock.instant();
        AutomationRule rule = new AutomationRule();
        rule.id = UUID.randomUUID();
        rule.createdAt = now;
        copy(request, stored, rule, now);
        return rule.persist()
                .flatMap(v -> audit(rule.id, "created", actor, null, rule, now))
                .map(v -> view(rule));
    }

    @WithTransaction
    public Uni<Rules.Rule> update(UUID id, Rules.Rule request, String actor) {
        Stored stored = validate(request);
        Instant now = clock.instant();
        return find(id).flatMap(rule -> {
            Rules.Rule before = view(rule);
            copy(request, stored, rule, now);
            return audit(id, "updated", actor, before, rule, now).map(v -> view(rule));
        });
    }

    @WithTransaction
    public Uni<Void> delete(UUID id, String actor) {
        Instant now = clock.instant();
        return find(id).flatMap(rule -> {
            Rules.Rule before = view(rule);
            return rule.delete().flatMap(v -> audit(id, "deleted", actor, before, null, now));
        });
    }

    @WithSession
    public Uni<List<Rules.Change>> audit(UUID ruleId) {
        Uni<List<RuleAudit>> entries = ruleId == null
                ? RuleAudit.list("order by id desc")
                : RuleAudit.list("ruleId = ?1 order by id desc", ruleId);
        return entries.map(list -> list.stream()
                .map(a -> new Rules.Change(
                        a.id, a.ruleId, a.change, a.actor, snapshot(a.before), snapshot(a.after), a.changedAt))
                .toList());
    }

    private static Uni<AutomationRule> find(UUID id) {
        return AutomationRule.<AutomationRule>findById(id)
                .onItem()
                .ifNull()
                .failWith(() -> ProblemException.notFound("No rule " + id + "."));
    }

    /** The rule's conditions and actions as stored, once they are known to parse. */
    private record Stored(String conditions, String actions) {}

    private static Stored validate(Rules.Rule request) {
        if (request == null || request.name() == null || request.name().isBlank()) {
            throw ProblemException.unprocessable("name is required");
        }
        if (request.triggers() == null || request.triggers().isEmpty() || !TRIGGERS.containsAll(request.triggers())) {
            throw ProblemException.unprocessable("triggers must be a non-empty list of " + TRIGGERS);
        }
        JsonNode conditions = request.conditions() == null ? null : JSON.valueToTree(request.conditions());
        JsonNode actions = JSON.valueToTree(request.actions());
        try {
            Condition.parse(conditions);
            RuleAction.parse(actions);
        } catch (IllegalArgumentException e) {
            throw ProblemException.unprocessable(e.getMessage());
        }
        return new Stored(conditions == null ? "{\"all\":[]}" : conditions.toString(), actions.toString());
    }

    private static void copy(Rules.Rule request, Stored stored, AutomationRule rule, Instant now) {
        rule.name = request.name();
        rule.position = request.position() == null ? 100 : request.position();
        rule.triggers = String.join(",", request.triggers());
        rule.conditions = stored.conditions();
        rule.actions = stored.actions();
        rule.enabled = request.enabled() == null || request.enabled();
        rule.updatedAt = now;
    }

    private static Uni<Void> audit(
            UUID ruleId, String change, String actor, Rules.Rule before, AutomationRule after, Instant now) {
        RuleAudit audit = new RuleAudit();
        audit.ruleId = ruleId;
        audit.change = change;
        audit.actor = actor;
        try {
            audit.before = before == null ? null : JSON.writeValueAsString(before);
            audit.after = after == null ? null : JSON.writeValueAsString(view(after));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        audit.changedAt = now;
        return audit.persist().replaceWithVoid();
    }

    /** The rule as it was recorded; null if the record cannot be read as a rule. */
    private static Rules.Rule snapshot(String json) {
        try {
            return json == null ? null : JSON.readValue(json, Rules.Rule.class);
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
