package io.parley.gateway.reply;

import io.parley.contracts.api.InboxSettings;
import java.util.Locale;

/**
 * Signs an agent's reply as its inbox asks: nothing, the agent's initials after a caret (" ^AB", as brands sign
 * customer care on X so customers know who answered), or their first name on a line of its own ("— Alice").
 */
public final class ReplySignature {
    private ReplySignature() {}

    /** @param fullName the agent's name as Keycloak has it ("Alice Agent"); the username when it has none */
    public static String sign(String text, String mode, String fullName) {
        String name = fullName == null ? "" : fullName.strip();
        if (name.isEmpty() || mode == null) {
            return text;
        }
        return switch (mode) {
            case InboxSettings.INITIALS -> text + " ^" + initials(name);
            case InboxSettings.NAME -> text + "\n— " + name.split("\\s+")[0];
            default -> text;
        };
    }

    static String initials(String name) {
        StringBuilder initials = new StringBuilder();
        for (String part : name.split("\\s+")) {
            if (!part.isEmpty()) {
                initials.appendCodePoint(part.codePointAt(0));
            }
        }
        return initials.toString().toUpperCase(Locale.ROOT);
    }
}
