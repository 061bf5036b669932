package io.parley.ingest.outbound;

/** A reply could not be delivered; retryable ones (429, 5xx, no connection) are tried again with backoff. */
public class DeliveryException extends RuntimeException {
    private final boolean retryable;

    public DeliveryException(String message, boolean retryable) {
        super(message, null, false, false);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }

    public static DeliveryException permanent(String message) {
        return new DeliveryException(message, false);
    }
}
