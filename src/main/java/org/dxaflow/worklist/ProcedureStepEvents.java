package org.dxaflow.worklist;

/**
 * Where MPPS events go. The engine's implementation puts them on a durable queue, so once
 * {@link #publish} returns the event will reach the routes even if the engine stops.
 */
@FunctionalInterface
public interface ProcedureStepEvents {
    void publish(ProcedureStepEvent event);
}
