package io.parley.stack;

/** A part of the stack could not start; the message names the part, its port and its log. */
public class StackException extends RuntimeException {
    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
