package org.dxaflow.web;

/** The request is wrong in a way the message explains, naming the field (HTTP 400). */
public final class BadRequestException extends RuntimeException {
    public BadRequestException(String message) {
        super(message);
    }
}
