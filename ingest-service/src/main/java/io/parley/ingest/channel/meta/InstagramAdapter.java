package io.parley.ingest.channel.meta;

import io.parley.ingest.channel.Channel;
import jakarta.enterprise.context.ApplicationScoped;

/** Instagram messaging: Messenger's event format under {@code object: instagram}. */
@ApplicationScoped
public class InstagramAdapter extends MessengerAdapter {

    @Override
    public Channel channel() {
        return Channel.INSTAGRAM;
    }

    @Override
    protected String object() {
        return "instagram";
    }
}
