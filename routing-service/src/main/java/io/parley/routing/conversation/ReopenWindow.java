package io.parley.routing.conversation;

import java.time.Duration;
import java.time.Instant;

/**
 * A customer writing again soon after their conversation was resolved is still talking about the same thing: within
 * the window the conversation reopens (same agent, same history); after it, a new conversation starts.
 */
public final class ReopenWindow {
    private ReopenWindow() {}

    public static boolean reopens(Instant resolvedAt, Instant now, Duration window) {
        return resolvedAt != null && !window.isZero() && !now.isAfter(resolvedAt.plus(window));
    }
}
