package org.dxaflow.orderbook;

/**
 * The order's status changed between reading it and changing it (e.g. the RIS cancelled it while
 * it was being justified). The transaction is rolled back; a queued message is simply retried.
 */
public final class StatusConflictException extends RuntimeException {
    public StatusConflictException(String message) {
        super(message);
    }
}
