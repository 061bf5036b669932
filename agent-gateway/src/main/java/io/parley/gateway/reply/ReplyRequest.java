package io.parley.gateway.reply;

/** Body of POST /api/conversations/{id}/replies. */
public record ReplyRequest(String text) {}
