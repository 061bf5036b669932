package io.parley.ingest.outbound;

import io.parley.contracts.OutboundMessage;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.inbox.Inbox;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;

/** Telegram Bot API sendMessage; the bot token is part of the URL. Ids are chatId:messageId, as on the way in. */
@ApplicationScoped
public class TelegramSender implements ChannelSender {
    private final ChannelHttp http;
    private final OutboundConfig config;

    public TelegramSender(ChannelHttp http, OutboundConfig config) {
        this.http = http;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public Uni<String> send(Inbox inbox, OutboundMessage message) {
        JsonObject body = new JsonObject().put("chat_id", message.threadKey()).put("text", message.text());
        if (message.replyTo() != null && message.replyTo().contains(":")) {
            String messageId = message.replyTo().substring(message.replyTo().lastIndexOf(':') + 1);
            if (messageId.matches("\\d+")) {
                body.put("reply_parameters", new JsonObject().put("message_id", Long.parseLong(messageId)));
            }
        }
        return http.postJson(config.telegramBaseUrl() + "/bot" + inbox.accessToken + "/sendMessage", null, body)
                .map(response -> {
                    JsonObject result = response.getJsonObject("result");
                    return result.getJsonObject("chat").getValue("id") + ":" + result.getValue("message_id");
                });
    }
}
