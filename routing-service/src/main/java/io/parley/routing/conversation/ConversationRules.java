package io.parley.routing.conversation;

import io.parley.routing.contact.Contact;
import io.parley.routing.contact.ContactService;
import io.parley.routing.hours.OutOfHours;
import io.parley.routing.rules.AutomationRule;
import io.parley.routing.rules.RuleEngine;
import io.parley.routing.rules.RuleFacts;
import io.parley.routing.tagging.ConversationTag;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** Gathers what rules may look at for a conversation (and the message that triggered them) and runs them. */
@ApplicationScoped
public class ConversationRules {
    private final RuleEngine rules;
    private final OutOfHours outOfHours;

    public ConversationRules(RuleEngine rules, OutOfHours outOfHours) {
        this.rules = rules;
        this.outOfHours = outOfHours;
    }

    /** @param message the customer's message that triggered the pass, or null for a conversation change */
    public Uni<Void> run(Conversation conversation, Message message, Set<String> triggers, Instant now) {
        return run(conversation, message, null, triggers, now);
    }

    /** @param addedTag the tag an agent just added, for tag_added rules */
    public Uni<Void> run(
            Conversation conversation, Message message, String addedTag, Set<String> triggers, Instant now) {
        return Contact.<Contact>findById(conversation.contactId)
                .flatMap(contact -> contact == null || contact.mergedInto == null
                        ? Uni.createFrom().item(contact)
                        : Contact.<Contact>findById(contact.mergedInto))
                .flatMap(profile -> (triggers.contains(AutomationRule.CONVERSATION_CREATED)
                                ? Uni.createFrom().item(java.util.List.<String>of()) // a new conversation has no tags
                                : ConversationTag.of(conversation.id))
                        .flatMap(tags -> outOfHours
                                .isOpen(conversation.team, now)
                                .flatMap(open -> {
                                    RuleFacts facts = new RuleFacts();
                                    if (message != null) {
                                        facts.text = message.content;
                                        facts.language = message.language;
                                        facts.sentiment = message.sentiment;
                                        facts.publicPost = message.publicPost;
                                    } else {
                                        facts.language = conversation.language;
                                        facts.sentiment = conversation.sentiment;
                                        facts.publicPost = conversation.publicPost;
                                    }
                                    facts.channel = conversation.channel;
                                    facts.inboxId = conversation.inboxId;
                                    facts.contact =
                                            profile == null ? java.util.Map.of() : ContactService.attributes(profile);
                                    facts.inBusinessHours = open;
                                    facts.tags = new HashSet<>(tags);
                                    if (addedTag != null) facts.addedTags.add(addedTag);
                                    facts.priority = conversation.priority.lower();
                                    facts.team = conversation.team;
                                    facts.status = conversation.status.lower();
                                    return rules.run(conversation, facts, triggers, now);
                                })));
    }
}
