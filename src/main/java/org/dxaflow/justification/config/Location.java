package org.dxaflow.justification.config;

/** Where a YAML node starts, so configuration errors can point at {@code file:line:column}. */
public record Location(String file, int line, int column) {

    @Override
    public String toString() {
        return file + ":" + line + ":" + column;
    }
}
