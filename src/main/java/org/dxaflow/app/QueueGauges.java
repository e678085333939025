package org.dxaflow.app;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Queue depths and dead letters, read from the embedded Artemis broker's own queue objects (its
 * server-side view: no JMS browse, no management messages). With an external broker the engine
 * has no such view; the broker's own metrics (Artemis' Prometheus plugin or its JMX QueueControl)
 * are the place for them there, and these series are absent.
 */
final class QueueGauges implements Runnable {

    /** Every queue the routes use, in routes/*.camel.yaml. */
    static final List<String> QUEUES = List.of("dxaflow.hl7.inbound", "dxaflow.order.justify", "dxaflow.dicom.stored",
            "dxaflow.dicom.mpps", "dxaflow.ris.outbound", "dxaflow.report.pacs", "dxaflow.report.ris",
            "dxaflow.report.gp-hl7", "dxaflow.report.gp-fhir");
    /** Where messages go when their retries are spent: the broker's, and the reports' own (routes/reports.camel.yaml). */
    static final List<String> DEAD_LETTER_QUEUES = List.of(EmbeddedBroker.DEAD_LETTER_QUEUE, "dlq.dxaflow.report");

    private final EmbeddedBroker broker;
    private final Clock clock;
    private final Duration cache;
    private final MultiGauge deadLetters;
    private Instant readAt;

    QueueGauges(EmbeddedBroker broker, MeterRegistry registry, Clock clock, Duration cache) {
        this.broker = broker;
        this.clock = clock;
        this.cache = cache;
        for (String q : QUEUES) {
            // a queue not created yet (nothing sent to it) is empty
            Gauge.builder("dxaflow_queue_messages", broker, b -> Math.max(0, b.messageCount(q)))
                    .description("Messages waiting on a broker queue (including those being delivered)")
                    .tag("queue", q).register(registry);
        }
        for (String q : DEAD_LETTER_QUEUES) {
            Gauge.builder("dxaflow_queue_messages", broker, b -> Math.max(0, b.messageCount(q)))
                    .description("Messages waiting on a broker queue (including those being delivered)")
                    .tag("queue", q).register(registry);
        }
        this.deadLetters = MultiGauge.builder("dxaflow_queue_dead_letters")
                .description("Dead letters, by the queue they died on and the dead letter queue holding them")
                .register(registry);
    }

    @Override
    public synchronized void run() {
        Instant now = clock.instant();
        if (readAt != null && now.isBefore(readAt.plus(cache))) {
            return;
        }
        readAt = now;
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String dlq : DEAD_LETTER_QUEUES) {
            Map<String, Long> byOrigin = broker.deadLettersByOrigin(dlq);
            // every working queue has a row, 0 when none of its messages died, so alerts see a series
            if (dlq.equals(EmbeddedBroker.DEAD_LETTER_QUEUE)) {
                for (String q : QUEUES) {
                    byOrigin.putIfAbsent(q, 0L);
                }
            }
            byOrigin.forEach((queue, n) -> rows.add(MultiGauge.Row.of(Tags.of("queue", queue, "dlq", dlq), n)));
        }
        deadLetters.register(rows, true);
    }
}
