package org.dxaflow.densitometry.api;

import java.util.List;

/** The request was rejected; {@link #errors()} lists every offending field path with its message. */
public final class ValidationException extends RuntimeException {
    private final List<FieldError> errors;

    public ValidationException(List<FieldError> errors) {
        super("invalid densitometry request: " + errors);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }

    public List<String> fields() {
        return errors.stream().map(FieldError::field).toList();
    }
}
