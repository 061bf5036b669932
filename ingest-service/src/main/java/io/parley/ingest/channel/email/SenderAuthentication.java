package io.parley.ingest.channel.email;

import java.util.Locale;
import org.apache.james.mime4j.dom.Entity;

/**
 * Whether the mail relay authenticated the From address, read from the topmost {@code Authentication-Results} header
 * (RFC 8601), the one the receiving relay adds (it must remove any the sender forged under its name): {@code dmarc=pass}
 * for the From domain, or {@code dkim=pass} with a signing domain aligned with it. Anything else, a bare From header
 * included, leaves the sender unverified, and unverified addresses never merge contacts.
 */
final class SenderAuthentication {
    /** Longer headers are not read; a relay's results fit easily. */
    static final int MAX_HEADER_CHARS = 8192;

    private SenderAuthentication() {}

    static boolean verified(Entity message, String fromAddress) {
        String results = AutoReplyDetector.header(message, "Authentication-Results");
        int at = fromAddress.lastIndexOf('@');
        if (results == null || at < 0 || results.length() > MAX_HEADER_CHARS) {
            return false;
        }
        String fromDomain = fromAddress.substring(at + 1).toLowerCase(Locale.ROOT);
        String[] parts = withoutComments(results).toLowerCase(Locale.ROOT).split(";");
        // parts[0] is the relay's authserv-id; the rest are method results.
        for (int i = 1; i < parts.length; i++) {
            String[] tokens = parts[i].trim().split("\\s+");
            if (tokens.length == 0) {
                continue;
            }
            if (tokens[0].equals("dmarc=pass")) {
                String headerFrom = property(tokens, "header.from=");
                if (headerFrom == null || headerFrom.equals(fromDomain)) {
                    return true;
                }
            } else if (tokens[0].equals("dkim=pass")) {
                String signer = property(tokens, "header.d=");
                if (signer != null && aligned(fromDomain, signer)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Relaxed alignment: the signing domain is the From domain or a parent of it. */
    private static boolean aligned(String fromDomain, String signer) {
        return fromDomain.equals(signer) || fromDomain.endsWith("." + signer);
    }

    private static String property(String[] tokens, String name) {
        for (String token : tokens) {
            if (token.startsWith(name)) {
                return token.substring(name.length());
            }
        }
        return null;
    }

    /** RFC 5322 comments, in parentheses and possibly nested, removed in one pass. */
    private static String withoutComments(String value) {
        StringBuilder out = new StringBuilder(value.length());
        int depth = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && depth > 0) {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }
}
