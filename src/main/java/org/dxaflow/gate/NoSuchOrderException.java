package org.dxaflow.gate;

/** The order asked for does not exist (REST: 404). */
public final class NoSuchOrderException extends RuntimeException {
    public NoSuchOrderException(long id) {
        super("no order with id " + id);
    }
}
