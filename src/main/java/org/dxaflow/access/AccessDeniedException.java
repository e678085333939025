package org.dxaflow.access;

/**
 * A request refused before it reached its endpoint: 401 (no or wrong credentials; the answer
 * carries {@code WWW-Authenticate}), 403 (the user lacks the role), 429 (too many failed logins;
 * {@code Retry-After}).
 */
public final class AccessDeniedException extends RuntimeException {

    private final int status;
    private final long retryAfterSeconds;

    public AccessDeniedException(int status, String message) {
        this(status, message, 0);
    }

    public AccessDeniedException(int status, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
