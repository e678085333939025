package org.dxaflow.results.mapping;

/** A results mapping file is wrong; the message names the file and the key. Stops the engine at startup. */
public final class MappingConfigException extends RuntimeException {
    public MappingConfigException(String message) {
        super(message);
    }
}
