package io.parley.ingest.outbound;

import io.parley.contracts.OutboundMessage;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;

/**
 * Messenger Send API (and Instagram's, the same call): POST /me/messages with the page's token, as a response.
 * Singletons: the Instagram subclass could not be proxied.
 */
@Singleton
public class MetaMessagingSender implements ChannelSender {
    private final ChannelHttp http;
    private final OutboundConfig config;

    public MetaMessagingSender(ChannelHttp http, OutboundConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.MESSENGER;
    }

    @Override
    public Uni<String> send(Inbox inbox, OutboundMessage message) {
        JsonObject body = new JsonObject()
                .put("recipient", new JsonObject().put("id", message.recipientId()))
                .put("messaging_type", "RESPONSE")
                .put("message", new JsonObject().put("text", message.text()));
        return http.postJson(config.metaBaseUrl() + "/me/messages", inbox.accessToken, body)
                .map(response -> response.getString("message_id"));
    }

    /** Instagram messaging is sent through the same endpoint. */
    @Singleton
    public static class Instagram extends MetaMessagingSender {
        public Instagram(ChannelHttp http, OutboundConfig config) {
            super(http, config);
        }

        @Override
        public Channel channel() {
            return Channel.INSTAGRAM;
        }
    }
}
