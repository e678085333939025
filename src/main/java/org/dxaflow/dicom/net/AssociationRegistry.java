package org.dxaflow.dicom.net;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Live established associations of a server, for monitoring, tests and orderly shutdown. */
public final class AssociationRegistry {
    private final Set<Association> live = ConcurrentHashMap.newKeySet();

    void added(Association a) {
        live.add(a);
    }

    void removed(Association a) {
        live.remove(a);
    }

    public List<Association> snapshot() {
        return List.copyOf(live);
    }

    public int size() {
        return live.size();
    }

    /** Aborts every live association (server shutdown). */
    public void abortAll() {
        for (Association a : snapshot()) {
            a.abort();
        }
    }
}
