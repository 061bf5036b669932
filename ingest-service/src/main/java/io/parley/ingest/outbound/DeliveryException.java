package io.parley.ingest.outbound;

/**
 * A reply could not be delivered; retryable ones (429, 5xx, no connection) are tried again with backoff. The message is
 * a short, fixed reason that agents see and that is stored and published; {@link #detail()} is what the channel or the
 * network said, for the operator's log only, after {@link SecretRedaction} (it may quote a URL that holds a bot token).
 */
public class DeliveryException extends RuntimeException {
    private final boolean retryable;
    private final String detail;

    public DeliveryException(String reason, String detail, boolean retryable) {
        super(reason, null, false, false);
        this.detail = detail;
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    public String detail() {
        return detail;
    }

    public static DeliveryException permanent(String reason) {
        return new DeliveryException(reason, null, false);
    }

    /** The fixed reason for an HTTP answer of a channel API. */
    static DeliveryException forStatus(int status, String explanation) {
        String detail = "HTTP " + status + ": " + explanation;
        if (status == 429) {
            return new DeliveryException("The channel's rate limit was reached (HTTP 429).", detail, true);
        }
        if (status >= 500) {
            return new DeliveryException("The channel's API failed (HTTP " + status + ").", detail, true);
        }
        if (status == 401 || status == 403) {
            return new DeliveryException(
                    "The channel refused the inbox's credentials (HTTP " + status + ").", detail, false);
        }
        return new DeliveryException("The channel refused the reply (HTTP " + status + ").", detail, false);
    }
}
