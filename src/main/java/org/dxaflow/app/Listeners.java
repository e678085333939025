package org.dxaflow.app;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The engine's three listening ports. Each is tried before anything else starts, so a port that is
 * taken stops the start at once with one line naming the key, the port and its environment
 * override, instead of a half-started engine (an HTTP port held by another program would leave the
 * engine without its API while the other program answered its health checks) or a 30-second bind
 * retry naming no key.
 */
final class Listeners {

    /** A listener: the key of its port and the key of its bind address. */
    record Listener(String portKey, String hostKey) {
    }

    static final List<Listener> ALL = List.of(
            new Listener(DxaflowConfig.HTTP_PORT, "dxaflow.http.host"),
            new Listener(DxaflowConfig.HL7_PORT, "dxaflow.hl7.host"),
            new Listener(DxaflowConfig.DICOM_PORT, "dxaflow.dicom.host"));

    private Listeners() {
    }

    /** Thrown when a listener cannot bind; its message is the one line an operator needs. */
    static final class CannotListenException extends IllegalStateException {
        CannotListenException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static CannotListenException cannotListen(String portKey, int port, String reason, Throwable cause) {
        return new CannotListenException("cannot listen on port " + port + " (" + portKey + ", override with "
                + DxaflowConfig.envName(portKey) + "): " + reason, cause);
    }

    /**
     * Binds and releases each configured port (port 0, "any free port", is skipped). SO_REUSEADDR is
     * set as the listeners themselves set it, so connections left over from a previous run (TIME_WAIT,
     * FIN_WAIT_2) do not count as busy; only another listener does.
     */
    static void checkAvailable(DxaflowConfig config) {
        Map<Integer, String> seen = new LinkedHashMap<>();
        for (Listener l : ALL) {
            int port = config.getInt(l.portKey());
            if (port < 0 || port > 65535) {
                throw cannotListen(l.portKey(), port, "not a TCP port (0-65535)", null);
            }
            if (port == 0) {
                continue;
            }
            String other = seen.putIfAbsent(port, l.portKey());
            if (other != null) {
                throw cannotListen(l.portKey(), port, "also configured as " + other, null);
            }
            String host = config.get(l.hostKey(), "0.0.0.0");
            try (ServerSocket probe = new ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(host, port));
            } catch (BindException e) {
                throw cannotListen(l.portKey(), port, e.getMessage(), e);
            } catch (IOException | IllegalArgumentException | SecurityException e) {
                throw cannotListen(l.portKey(), port, e.getMessage() + " (" + l.hostKey() + "=" + host + ")", e);
            }
        }
    }

    /** The first {@link BindException} in a chain of causes, if any. */
    static BindException bindFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof BindException b) {
                return b;
            }
        }
        return null;
    }
}
