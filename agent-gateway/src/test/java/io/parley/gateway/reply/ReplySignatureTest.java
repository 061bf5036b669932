package io.parley.gateway.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ReplySignatureTest {
    @Test
    void signsAsTheInboxAsks() {
        assertEquals("On it ^AA", ReplySignature.sign("On it", "initials", "Alice Agent"));
        assertEquals("On it ^CDS", ReplySignature.sign("On it", "initials", " carol de  Silva "));
        assertEquals("On it\n— Alice", ReplySignature.sign("On it", "name", "Alice Agent"));
        assertEquals("On it", ReplySignature.sign("On it", "none", "Alice Agent"));
        assertEquals("On it", ReplySignature.sign("On it", "initials", ""));
        assertEquals("On it", ReplySignature.sign("On it", null, "Alice Agent"));
    }
}
