package io.parley.contracts.api;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;

/** routing-service's per-inbox settings ({@code /inboxes/{id}/settings}), as routing answers and the gateway calls it. */
public final class InboxSettings {
    public static final String NO_SIGNATURE = "none";
    public static final String INITIALS = "initials";
    public static final String NAME = "name";

    private InboxSettings() {}

    /**
     * @param survey none, csat or nps: asked when a conversation is resolved
     * @param reopenWindowMinutes how long after resolving a customer's message reopens the conversation
     * @param replySignature none, initials (" ^AB", as customer care on X signs) or name ("— Alice") under replies
     */
    public record Settings(
            String inboxId,
            @Pattern(regexp = "none|csat|nps") String survey,
            @Min(0) Integer reopenWindowMinutes,
            @Pattern(regexp = "none|initials|name") String replySignature) {}
}
