package org.dxaflow.check;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What health shows of hot reload: the last reload attempt, and per part its failure if the last
 * attempt for that part failed (a later good edit of the part clears it). A failure does not make
 * the engine DOWN: the previous version keeps running; it is there for the engineer to see.
 */
public final class ReloadStatus {

    private final AtomicReference<ReloadEvent> last = new AtomicReference<>();
    private final Map<String, ReloadEvent> failing = new ConcurrentHashMap<>();

    void record(ReloadEvent event) {
        last.set(event);
        if (event.applied()) {
            failing.remove(event.part());
        } else {
            failing.put(event.part(), event);
        }
    }

    /** The last reload attempt, applied or not, or null before the first. */
    public ReloadEvent last() {
        return last.get();
    }

    /** The last failure still standing (the newest of the parts whose last reload failed), or null. */
    public ReloadEvent lastFailure() {
        return failing.values().stream().max(java.util.Comparator.comparing(ReloadEvent::at)).orElse(null);
    }

    /** For {@code GET /api/health}: {@code {"ok": .., "lastReload": {..}, "lastFailure": {..}}}. */
    public Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", failing.isEmpty());
        out.put("lastReload", view(last.get()));
        out.put("lastFailure", view(lastFailure()));
        return out;
    }

    private static Map<String, Object> view(ReloadEvent e) {
        if (e == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("at", e.at().toString());
        out.put("part", e.part());
        out.put("file", e.file());
        out.put("applied", e.applied());
        out.put("problems", e.problems());
        return out;
    }
}
