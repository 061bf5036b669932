package io.parley.routing.csat;

import io.parley.contracts.ConversationEvents;
import io.parley.contracts.EventTypes;
import io.parley.routing.conversation.AutomatedMessages;
import io.parley.routing.conversation.Conversation;
import io.parley.routing.inbox.InboxSettings;
import io.parley.routing.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks once per conversation, on resolve, how it went (if the inbox wants a survey), and records the answer when the
 * customer's next message reads as one. In-transaction.
 */
@ApplicationScoped
public class CsatService {
    static final String CSAT_QUESTION =
            "How would you rate the help you got? Reply with a number from 1 (bad) to 5 (excellent), and a comment if you like.";
    static final String NPS_QUESTION =
            "How likely are you to recommend us to a friend? Reply with a number from 0 (not at all) to 10 (very likely).";

    private final Outbox outbox;
    private final AutomatedMessages automated;
    private final Duration answerWindow;

    public CsatService(
            Outbox outbox,
            AutomatedMessages automated,
            @ConfigProperty(name = "parley.csat.answer-window") Duration answerWindow) {
        this.outbox = outbox;
        this.automated = automated;
        this.answerWindow = answerWindow;
    }

    public Uni<Void> requestOnResolve(Conversation conversation, Instant now) {
        return InboxSettings.<InboxSettings>findById(conversation.inboxId).flatMap(settings -> {
            if (settings == null || InboxSettings.NO_SURVEY.equals(settings.survey)) {
                return Uni.createFrom().voidItem();
            }
            String kind = settings.survey;
            return CsatSurvey.count("conversationId = ?1 and kind = ?2", conversation.id, kind)
                    .flatMap(sent -> sent > 0 ? Uni.createFrom().voidItem() : request(conversation, kind, now));
        });
    }

    /**
     * @return true when the text answered the conversation's open survey (and was recorded as such), false when it is
     *     a message like any other
     */
    public Uni<Boolean> tryAnswer(Conversation conversation, String text, Instant now) {
        return CsatSurvey.<CsatSurvey>find(
                        "conversationId = ?1 and respondedAt is null and requestedAt > ?2 order by requestedAt desc",
                        conversation.id,
                        now.minus(answerWindow))
                .firstResult()
                .flatMap(survey -> {
                    if (survey == null) {
                        return Uni.createFrom().item(false);
                    }
                    Optional<RatingReply> reply = InboxSettings.NPS.equals(survey.kind)
                            ? NpsReplyParser.parse(text)
                            : CsatReplyParser.parse(text);
                    if (reply.isEmpty()) {
                        return Uni.createFrom().item(false);
                    }
                    survey.rating = reply.get().rating();
                    survey.comment = reply.get().comment();
                    survey.respondedAt = now;
                    return outbox.conversationEvent(
                                    EventTypes.CSAT_RESPONDED,
                                    conversation.id,
                                    now,
                                    new ConversationEvents.CsatResponded(
                                            conversation.id,
                                            conversation.inboxId,
                                            conversation.channel,
                                            conversation.team,
                                            conversation.assignee,
                                            survey.id,
                                            survey.kind,
                                            survey.rating,
                                            survey.comment,
                                            now))
                            .replaceWith(true);
                });
    }

    private Uni<Void> request(Conversation conversation, String kind, Instant now) {
        CsatSurvey survey = new CsatSurvey();
        survey.id = UUID.randomUUID();
        survey.conversationId = conversation.id;
        survey.kind = kind;
        survey.requestedAt = now;
        String question = InboxSettings.NPS.equals(kind) ? NPS_QUESTION : CSAT_QUESTION;
        return survey.persist()
                .call(() -> automated.send(conversation, question, AutomatedMessages.AUTOMATION, now))
                .call(() -> outbox.conversationEvent(
                        EventTypes.CSAT_REQUESTED,
                        conversation.id,
                        now,
                        new ConversationEvents.CsatRequested(
                                conversation.id, conversation.inboxId, survey.id, kind, now)))
                .replaceWithVoid();
    }
}
