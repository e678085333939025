package org.dxaflow.app;

import java.util.Properties;

/**
 * The engine's configuration as Camel Main reads it: every dxaflow key (for the routes'
 * placeholders), plus the Camel settings that follow from them (routes directory, shutdown time,
 * the MLLP listener's socket behaviour, the HTTP server).
 */
final class CamelSettings {

    private CamelSettings() {
    }

    static Properties of(DxaflowConfig config) {
        Properties p = new Properties();
        config.asMap().forEach((k, v) -> p.setProperty(k, v == null ? "" : v));
        p.setProperty("camel.main.name", "dxaflow");
        p.setProperty("camel.main.routesIncludePattern",
                "file:" + config.path(DxaflowConfig.ROUTES_DIR).toAbsolutePath() + "/*.camel.yaml");
        p.setProperty("camel.main.shutdownTimeout", config.get("dxaflow.shutdown.timeout-seconds", "30"));
        // Never let the MLLP component put message content (patient data) into logs or exceptions.
        p.setProperty("camel.component.mllp.logPhi", "false");
        // SO_REUSEADDR: after a crash or a restart, connections the old process left in TIME_WAIT or
        // FIN_WAIT_2 (a RIS keeps its connection open) must not keep the port from binding for a minute.
        p.setProperty("camel.component.mllp.reuseAddress", "true");
        // The port was checked free a moment ago (Listeners); a bind that still fails is not worth 30 s of retries.
        p.setProperty("camel.component.mllp.bindTimeout", "3000");
        p.setProperty("camel.component.mllp.bindRetryInterval", "500");
        // An idle connection is closed, so idle connections cannot keep the listener's slots forever.
        // camel-mllp looks for idleness when a receive times out, so the receive timeout bounds the delay.
        int idleMillis = config.getInt("dxaflow.hl7.idle-timeout-seconds", 600) * 1000;
        p.setProperty("camel.component.mllp.idleTimeout", Integer.toString(idleMillis));
        p.setProperty("camel.component.mllp.receiveTimeout", Integer.toString(Math.min(15_000, idleMillis)));
        p.setProperty("camel.server.enabled", "true");
        p.setProperty("camel.server.host", config.get("dxaflow.http.host", "0.0.0.0"));
        p.setProperty("camel.server.port", config.get(DxaflowConfig.HTTP_PORT));
        return p;
    }
}
