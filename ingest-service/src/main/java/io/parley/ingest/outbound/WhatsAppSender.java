package io.parley.ingest.outbound;

import io.parley.contracts.OutboundMessage;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/** WhatsApp Cloud API: POST /{phone-number-id}/messages with the system user's token. */
@ApplicationScoped
public class WhatsAppSender implements ChannelSender {
    private final ChannelHttp http;
    private final OutboundConfig config;

    public WhatsAppSender(ChannelHttp http, OutboundConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.WHATSAPP;
    }

    @Override
    public Uni<String> send(Inbox inbox, OutboundMessage message) {
        JsonObject body = new JsonObject()
                .put("messaging_product", "whatsapp")
                .put("recipient_type", "individual")
                .put("to", message.recipientId())
                .put("type", "text")
                .put("text", new JsonObject().put("preview_url", false).put("body", message.text()));
        if (message.replyTo() != null) {
            body.put("context", new JsonObject().put("message_id", message.replyTo()));
        }
        return http.postJson(config.metaBaseUrl() + "/" + inbox.accountId + "/messages", inbox.accessToken, body)
                .map(response ->
                        response.getJsonArray("messages").getJsonObject(0).getString("id"));
    }
}
