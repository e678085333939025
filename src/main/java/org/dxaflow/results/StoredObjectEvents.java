package org.dxaflow.results;

/** Where Storage SCP events go; the engine's implementation is a durable queue. */
@FunctionalInterface
public interface StoredObjectEvents {
    void publish(StoredObjectEvent event);
}
