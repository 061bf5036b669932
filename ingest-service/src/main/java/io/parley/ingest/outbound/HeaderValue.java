package io.parley.ingest.outbound;

/**
 * A mail header's value built from what a customer wrote (subject, message ids, address): control characters, CR and
 * LF above all, become spaces, so the value cannot end its header and start another.
 */
final class HeaderValue {
    private HeaderValue() {}

    static String of(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder clean = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            clean.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return clean.toString().strip();
    }

    /** A message id for In-Reply-To and References: no brackets of its own, since it is put between them. */
    static String messageId(String value) {
        String clean = of(value);
        return clean == null ? null : clean.replace("<", "").replace(">", "").replace(" ", "");
    }
}
