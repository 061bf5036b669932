package io.parley.routing.conversation;

import io.parley.contracts.InboundMessage;
import io.parley.persistence.PlanCacheBypass;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch of inbound messages brings that routing has never seen: message ids not stored yet, senders without a
 * contact, threads without a conversation. Read for the whole batch in one statement (call inside its transaction), it
 * spares a new customer's message the three lookups that would each have found nothing, a third of its statements.
 * Each fact is used up by the first message asking: the message that creates a contact or a conversation makes the
 * next one of the same sender or thread look it up as before.
 */
public final class NewArrivals {
    /** Knows nothing: every message looks everything up (a record routed on its own). */
    public static final NewArrivals NONE =
            new NewArrivals(Collections.emptySet(), Collections.emptySet(), Collections.emptySet());

    /**
     * Arrays instead of IN lists: the text stays the same whatever the batch brings, so PostgreSQL prepares it once
     * and Hibernate parses its parameters once.
     */
    private static final String LOOKUP = "select 'message', inbox_id, provider_message_id from message"
            + " where " + PlanCacheBypass.CONDITION + " and inbox_id = any(cast(:inboxes as text[]))"
            + " and provider_message_id = any(cast(:messages as text[]))"
            + " union all select 'sender', inbox_id, source_id from contact"
            + " where inbox_id = any(cast(:inboxes as text[])) and source_id = any(cast(:senders as text[]))"
            + " union all select 'thread', inbox_id, thread_key from conversation"
            + " where inbox_id = any(cast(:inboxes as text[])) and thread_key = any(cast(:threads as text[]))";

    private record Key(String inboxId, String id) {}

    private final Set<Key> messages;
    private final Set<Key> senders;
    private final Set<Key> threads;

    private NewArrivals(Set<Key> messages, Set<Key> senders, Set<Key> threads) {
        this.messages = messages;
        this.senders = senders;
        this.threads = threads;
    }

    public static Uni<NewArrivals> of(List<InboundMessage> batch) {
        Set<Key> messages = new HashSet<>();
        Set<Key> senders = new HashSet<>();
        Set<Key> threads = new HashSet<>();
        Set<String> inboxes = new HashSet<>();
        for (InboundMessage inbound : batch) {
            if (InboundMessage.Kind.EDIT.equals(inbound.kind()) || InboundMessage.Kind.DELETE.equals(inbound.kind())) {
                continue;
            }
            inboxes.add(inbound.inboxId());
            add(messages, inbound.inboxId(), inbound.providerMessageId());
            add(threads, inbound.inboxId(), inbound.threadKey());
            if (inbound.contact() != null) {
                add(senders, inbound.inboxId(), inbound.contact().sourceId());
            }
        }
        if (messages.isEmpty()) {
            return Uni.createFrom().item(NONE);
        }
        return Panache.getSession()
                .flatMap(session -> PlanCacheBypass.bind(session.createNativeQuery(LOOKUP, Object[].class))
                        .setParameter("inboxes", inboxes.toArray(String[]::new))
                        .setParameter("messages", ids(messages))
                        .setParameter("senders", ids(senders))
                        .setParameter("threads", ids(threads))
                        .getResultList())
                .map(known -> {
                    for (Object[] row : known) {
                        Key key = new Key((String) row[1], (String) row[2]);
                        switch ((String) row[0]) {
                            case "message" -> messages.remove(key);
                            case "sender" -> senders.remove(key);
                            default -> threads.remove(key);
                        }
                    }
                    return new NewArrivals(messages, senders, threads);
                });
    }

    /** Whether no message of this id was stored before the batch; true once per id. */
    boolean isNewMessage(String inboxId, String providerMessageId) {
        return messages.remove(new Key(inboxId, providerMessageId));
    }

    /** Whether the sender had no contact in this inbox before the batch; true once per sender. */
    public boolean isNewSender(String inboxId, String sourceId) {
        return senders.remove(new Key(inboxId, sourceId));
    }

    /** Whether the thread had no conversation before the batch; true once per thread. */
    boolean isNewThread(String inboxId, String threadKey) {
        return threads.remove(new Key(inboxId, threadKey));
    }

    private static void add(Set<Key> keys, String inboxId, String id) {
        if (inboxId != null && id != null) {
            keys.add(new Key(inboxId, id));
        }
    }

    private static String[] ids(Set<Key> keys) {
        Set<String> ids = new HashSet<>();
        keys.forEach(key -> ids.add(key.id()));
        return ids.toArray(String[]::new);
    }
}
