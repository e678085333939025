package org.dxaflow.check;

/**
 * Told of every reload attempt, applied or refused: the hook an audit trail records them through.
 * Called on the watcher's thread after the swap (or the refusal); it should not block for long.
 */
@FunctionalInterface
public interface ReloadListener {

    /** Nothing more than the log lines {@link HotReload} writes itself. */
    ReloadListener NONE = event -> { };

    void reloaded(ReloadEvent event);
}
