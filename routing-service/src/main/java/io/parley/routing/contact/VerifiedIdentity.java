package io.parley.routing.contact;

import java.util.Locale;

/**
 * What a channel proves about who wrote: an e-mail the relay authenticated (DMARC, or DKIM for the From domain) proves
 * the sender's address, WhatsApp the phone number. Only these merge contacts automatically; a bare From header, a name
 * or an address typed into a chat proves nothing.
 */
public final class VerifiedIdentity {
    private VerifiedIdentity() {}

    public static String email(String channel, String sourceId, boolean verified) {
        if (!"email".equals(channel) || !verified || sourceId == null || !sourceId.contains("@")) {
            return null;
        }
        return sourceId.trim().toLowerCase(Locale.ROOT);
    }

    public static String phone(String channel, String sourceId) {
        if (!"whatsapp".equals(channel) || sourceId == null) {
            return null;
        }
        String digits = sourceId.replaceAll("[^0-9]", "");
        return digits.length() < 6 ? null : "+" + digits;
    }
}
