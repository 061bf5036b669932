package io.parley.contracts;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 webhook signatures. Parley's API channel and Meta's X-Hub-Signature-256 use
 * {@code sha256=<hex HMAC-SHA256(secret, raw body)>}; X uses the same MAC in base64. Always computed over the exact
 * bytes received, always compared in constant time.
 */
public final class WebhookSignature {
    public static final String PREFIX = "sha256=";

    private WebhookSignature() {}

    /** The hex form, as a sender puts it in the header. */
    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(hmacSha256(secret, body));
    }

    /** Checks a {@code sha256=<hex>} header; hex digits in either case. */
    public static boolean matches(String secret, byte[] body, String header) {
        if (header == null || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return false;
        }
        return constantTimeEquals(
                sign(secret, body),
                PREFIX + header.substring(PREFIX.length()).trim().toLowerCase(Locale.ROOT));
    }

    public static byte[] hmacSha256(String secret, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** Equality whose time does not depend on where the strings differ; false when either is null. */
    public static boolean constantTimeEquals(String expected, String given) {
        if (expected == null || given == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
