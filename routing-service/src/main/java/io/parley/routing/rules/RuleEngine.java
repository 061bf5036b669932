package io.parley.routing.rules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.parley.problem.ProblemException;
import io.parley.routing.conversation.AutomatedMessages;
import io.parley.routing.conversation.Conversation;
import io.parley.routing.conversation.ConversationActions;
import io.parley.routing.conversation.ConversationStatus;
import io.parley.routing.conversation.Priority;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Runs the enabled rules, in position order, whose triggers include one of the event's. The rule list is read again
 * when it is two seconds old or changed through this instance, so a change applies without a restart: at once here,
 * within two seconds on other instances. Parsed rules are cached by id and last change. Actions of one rule are seen by the conditions of the next; actions never trigger
 * another pass. A resolved conversation (by a rule or as spam) ends the pass.
 */
@ApplicationScoped
public class RuleEngine {
    private static final Logger LOG = Logger.getLogger(RuleEngine.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Other instances see a rule change within this time; the instance that took it, at once. */
    static final long CACHE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    record Compiled(Instant version, Set<String> triggers, Condition condition, List<RuleAction> actions) {}

    private final Map<UUID, Compiled> compiled = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicReference<Snapshot> cache =
            new java.util.concurrent.atomic.AtomicReference<>();
    private final ConversationActions actions;
    private final AutomatedMessages automated;

    public RuleEngine(ConversationActions actions, AutomatedMessages automated) {
        this.actions = actions;
        this.automated = automated;
    }

    public Uni<Void> run(Conversation conversation, RuleFacts facts, Set<String> triggers, Instant now) {
        return enabledRules().flatMap(rules -> next(rules, 0, conversation, facts, triggers, now));
    }

    /** Forgets the cached rules: the next pass reads them again. Called on every change made through this instance. */
    public void changed() {
        cache.set(null);
    }

    private record Snapshot(List<Rule> rules, long readAtNanos) {}

    /** What a pass needs of a rule, detached from the session that read it. */
    record Rule(
            java.util.UUID id, String name, Instant updatedAt, String triggers, String conditions, String actions) {}

    private Uni<List<Rule>> enabledRules() {
        Snapshot snapshot = cache.get();
        if (snapshot != null && System.nanoTime() - snapshot.readAtNanos() < CACHE_NANOS) {
            return Uni.createFrom().item(snapshot.rules());
        }
        long readAt = System.nanoTime();
        return AutomationRule.<AutomationRule>list("enabled = true order by position, createdAt")
                .map(rows -> {
                    List<Rule> rules = rows.stream()
                            .map(r -> new Rule(r.id, r.name, r.updatedAt, r.triggers, r.conditions, r.actions))
                            .toList();
                    cache.set(new Snapshot(rules, readAt));
                    return rules;
                });
    }

    private Uni<Void> next(
            List<Rule> rules, int i, Conversation conversation, RuleFacts facts, Set<String> triggers, Instant now) {
        if (i >= rules.size() || conversation.status == ConversationStatus.RESOLVED) {
            return Uni.createFrom().voidItem();
        }
        Rule rule = rules.get(i);
        Compiled parsed = compile(rule);
        if (parsed == null
                || parsed.triggers().stream().noneMatch(triggers::contains)
                || !parsed.condition().test(facts)) {
            return next(rules, i + 1, conversation, facts, triggers, now);
        }
        LOG.debugf("rule %s (%s) matched conversation %s", rule.name(), rule.id(), conversation.id);
        return apply(parsed.actions(), 0, conversation, facts, "rule:" + rule.id(), now)
                .flatMap(v -> next(rules, i + 1, conversation, facts, triggers, now));
    }

    private Uni<Void> apply(
            List<RuleAction> list, int i, Conversation conversation, RuleFacts facts, String actor, Instant now) {
        if (i >= list.size()) {
            return Uni.createFrom().voidItem();
        }
        RuleAction action = list.get(i);
        return act(action, conversation, facts, actor, now)
                .onFailure(ProblemException.class)
                .recoverWithUni(failure -> {
                    // A rule naming a tag or team deleted since is skipped rather than failing the customer's message.
                    LOG.warnf("rule action %s skipped: %s", action.type(), failure.getMessage());
                    return Uni.createFrom().voidItem();
                })
                .flatMap(v -> apply(list, i + 1, conversation, facts, actor, now));
    }

    private Uni<Void> act(RuleAction action, Conversation conversation, RuleFacts facts, String actor, Instant now) {
        String value = action.value();
        return switch (action.type()) {
            case ADD_TAG ->
                actions.addTag(conversation, value, actor, now)
                        .invoke(added -> {
                            facts.tags.add(value);
                            if (added) facts.addedTags.add(value);
                        })
                        .replaceWithVoid();
            case REMOVE_TAG ->
                actions.removeTag(conversation, value, actor, now)
                        .invoke(() -> facts.tags.remove(value))
                        .replaceWithVoid();
            case SET_PRIORITY ->
                actions.setPriority(conversation, Priority.parse(value), actor, now)
                        .invoke(() -> facts.priority = conversation.priority.lower());
            case RAISE_PRIORITY ->
                actions.raisePriority(conversation, Priority.parse(value), actor, now)
                        .invoke(() -> facts.priority = conversation.priority.lower());
            case ASSIGN_TEAM ->
                actions.transfer(conversation, value, actor, now).invoke(() -> facts.team = conversation.team);
            case ASSIGN_AGENT -> actions.assign(conversation, value, actor, now);
            case AUTO_REPLY ->
                automated
                        .send(conversation, value, AutomatedMessages.AUTOMATION, now)
                        .replaceWithVoid();
            case SNOOZE ->
                actions.setStatus(
                        conversation,
                        ConversationStatus.SNOOZED,
                        now.plus(Duration.ofMinutes(Long.parseLong(value))),
                        actor,
                        now);
            case RESOLVE -> actions.setStatus(conversation, ConversationStatus.RESOLVED, null, actor, now);
            case MARK_SPAM -> actions.markSpam(conversation, actor, now).invoke(() -> facts.tags.add("spam"));
        };
    }

    private Compiled compile(Rule rule) {
        Compiled cached = compiled.get(rule.id());
        if (cached != null && cached.version().equals(rule.updatedAt())) {
            return cached;
        }
        try {
            Compiled fresh = new Compiled(
                    rule.updatedAt(),
                    Arrays.stream(rule.triggers().split(",")).map(String::trim).collect(Collectors.toSet()),
                    Condition.parse(JSON.readTree(rule.conditions())),
                    RuleAction.parse(JSON.readTree(rule.actions())));
            compiled.put(rule.id(), fresh);
            return fresh;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Rules are validated on the way in; a stored one that no longer parses is skipped, loudly.
            LOG.errorf("rule %s cannot be read and is skipped: %s", rule.id(), e.getMessage());
            return null;
        }
    }
}
