package io.parley.ingest.outbound;

import io.parley.contracts.OutboundMessage;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/** X API v2: a direct message to the customer, or, for a public conversation, a reply under their tweet. */
@ApplicationScoped
public class XSender implements ChannelSender {
    static final String TWEET = "tweet:";

    private final ChannelHttp http;
    private final OutboundConfig config;

    public XSender(ChannelHttp http, OutboundConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.X;
    }

    @Override
    public Uni<String> send(Inbox inbox, OutboundMessage message) {
        if (message.publicPost()) {
            if (message.replyTo() == null || !message.replyTo().startsWith(TWEET)) {
                return Uni.createFrom()
                        .failure(DeliveryException.permanent("A public reply needs the tweet it answers."));
            }
            JsonObject body = new JsonObject()
                    .put("text", message.text())
                    .put(
                            "reply",
                            new JsonObject()
                                    .put(
                                            "in_reply_to_tweet_id",
                                            message.replyTo().substring(TWEET.length())));
            return http.postJson(config.xBaseUrl() + "/2/tweets", inbox.accessToken, body)
                    .map(response -> TWEET + response.getJsonObject("data").getString("id"));
        }
        return http.postJson(
                        config.xBaseUrl() + "/2/dm_conversations/with/" + message.recipientId() + "/messages",
                        inbox.accessToken,
                        new JsonObject().put("text", message.text()))
                .map(response -> "dm:" + response.getJsonObject("data").getString("dm_event_id"));
    }
}
