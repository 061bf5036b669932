package io.parley.gateway.live;

/**
 * One server-sent event as every subscriber gets it: written once, filtered per subscriber by its audience.
 *
 * @param id the stream position after this event (SSE id), null for what is not replayed (who is typing)
 * @param name the SSE event name: the event type, such as conversation.assigned or agent.activity
 * @param data the JSON the client receives
 */
public record LiveEvent(String id, String name, String data, LiveAudience audience) {}
