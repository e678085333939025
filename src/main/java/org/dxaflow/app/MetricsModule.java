package org.dxaflow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.component.micrometer.MicrometerConstants;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.dxaflow.store.Jdbc;
import org.dxaflow.web.MetricsApi;

/**
 * The beans of GET /metrics (routes/metrics.camel.yaml): the scrape endpoint, the HL7 counter
 * (a Camel event notifier) and Camel's own route metrics on the engine's registry; Camel Main
 * finds the notifier and the route policy factory among the beans. Gauges over the database and
 * the broker are read at scrape time, each at most every {@code dxaflow.metrics.cache-seconds}.
 */
final class MetricsModule {

    /** Configuration key of the bearer key that closes /metrics; empty leaves it open. */
    static final String KEY = "dxaflow.metrics.key";

    private MetricsModule() {
    }

    /** @param broker the embedded broker, or null with an external one (no queue series then) */
    static Map<String, Object> beans(DxaflowConfig config, EngineMetrics metrics, Jdbc jdbc, EmbeddedBroker broker,
                                     ObjectMapper json, Clock clock) {
        Duration cache = Duration.ofSeconds(config.getInt("dxaflow.metrics.cache-seconds", 5));
        metrics.beforeScrape(new StoreGauges(jdbc, metrics.registry(), json, clock, cache));
        if (broker != null) {
            metrics.beforeScrape(new QueueGauges(broker, metrics.registry(), clock, cache));
        }
        MicrometerRoutePolicyFactory routes = new MicrometerRoutePolicyFactory();
        routes.setMeterRegistry(metrics.registry());
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put(MicrometerConstants.METRICS_REGISTRY_NAME, metrics.registry());
        beans.put("metricsRoutePolicyFactory", routes);
        beans.put("hl7MetricsNotifier", new Hl7MetricsNotifier(metrics, clock));
        beans.put("metricsApi", new MetricsApi(metrics::scrape, EngineMetrics.TEXT_FORMAT, config.get(KEY, "")));
        return beans;
    }
}
