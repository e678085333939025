package org.dxaflow.results;

import java.util.List;

/** Where Storage SCP events go; the engine's implementation is a durable queue. */
@FunctionalInterface
public interface StoredObjectEvents {
    /**
     * Returns once every event of the batch is durably queued (one transaction), else throws and
     * none of them is.
     */
    void publish(List<StoredObjectEvent> events);
}
