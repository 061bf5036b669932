package io.parley.ingest.outbound;

import io.parley.contracts.OutboundMessage;
import io.parley.ingest.channel.Channel;
import io.parley.ingest.inbox.Inbox;
import io.smallrye.mutiny.Uni;

/** Sends a reply through one channel's API. */
public interface ChannelSender {
    Channel channel();

    /** @return the channel's id for the sent message; fails with {@link DeliveryException} */
    Uni<String> send(Inbox inbox, OutboundMessage message);
}
