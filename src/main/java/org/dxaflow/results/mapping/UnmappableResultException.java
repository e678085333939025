package org.dxaflow.results.mapping;

/**
 * An incoming result that no mapping reads, or that its mapping cannot read completely (a
 * measurement without a site, units the mapping does not accept, two values for one measurement).
 * The result is kept with this message for the console; it is never turned into an empty result.
 */
public final class UnmappableResultException extends Exception {
    public UnmappableResultException(String message) {
        super(message);
    }
}
