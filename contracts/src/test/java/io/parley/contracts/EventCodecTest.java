package io.parley.contracts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventCodecTest {
    private static final Instant AT = Instant.parse("2026-11-23T10:15:30.123456Z");

    @Test
    void onePassEncodingWritesTheSameTextAsTheEnvelope() {
        InboundMessage message = InboundMessage.builder()
                .inbox("inbox-1", "whatsapp", "support")
                .providerMessageId("wamid.1")
                .threadKey("5511900000001")
                .contact("5511900000001", "Ana Ñandú")
                .text("Olá, où est ma commande? 📦")
                .attachments(List.of(new InboundMessage.Attachment("image", null, "media-1", null, "image/jpeg")))
                .sentAt(AT)
                .receivedAt(AT.plusSeconds(1))
                .build();
        UUID id = UUID.randomUUID();

        String viaEnvelope = EventCodec.encode(
                EventCodec.envelope(id, EventTypes.MESSAGE_INBOUND, "inbound-message", "inbox-1:t", AT, message));
        String onePass = EventCodec.encode(id, EventTypes.MESSAGE_INBOUND, "inbound-message", "inbox-1:t", AT, message);

        assertEquals(viaEnvelope, onePass);
        assertEquals(message, EventCodec.payload(EventCodec.decode(onePass), InboundMessage.class));
    }
}
