package io.parley.routing.sla;

import java.util.Locale;

public enum SlaMetric {
    /** From the conversation's first customer message to the first agent reply. */
    FIRST_RESPONSE,
    /** From a customer message that follows an agent reply to the next agent reply. */
    NEXT_RESPONSE,
    /** From the first customer message to resolved; a reopened conversation starts a new one. */
    RESOLUTION,
    /** Wall-clock wait for any agent answer; breaching it alerts but escalates nothing. */
    UNANSWERED;

    public String lower() {
        return name().toLowerCase(Locale.ROOT);
    }
}
