package org.dxaflow.densitometry.api;

/** One invalid request field, named by its JSON path, e.g. {@code sites[0].bmd}. */
public record FieldError(String field, String message) {
    @Override
    public String toString() {
        return field + ": " + message;
    }
}
