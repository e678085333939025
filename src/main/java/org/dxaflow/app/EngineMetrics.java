package org.dxaflow.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.FindHandler;
import org.dxaflow.dicom.dimse.service.NormalizedHandler;
import org.dxaflow.dicom.dimse.storage.StoreHandler;
import org.dxaflow.dicom.dimse.storage.StoreRefusedException;
import org.dxaflow.dicom.net.AssociationInfo;
import org.dxaflow.dicom.net.AssociationMonitor;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.AAssociateRq;

/**
 * The engine's Prometheus registry and the counters of what happens at its edges: HL7 messages
 * and their ACKs, DICOM associations, C-FIND, MPPS and C-STORE. Counting happens here, through the
 * hooks the libraries already offer (an {@link AssociationMonitor}, handler decorators, Camel's
 * event notifier), so the business classes and the DICOM library know nothing of Micrometer.
 * What the database knows better (results, reports, deliveries, decisions) is read by
 * {@link StoreGauges}; queue depths by {@link QueueGauges}.
 *
 * <p>No label ever carries patient data: only message types, ACK codes, statuses, destinations
 * and rule names, each from a small fixed or configured set.
 */
public final class EngineMetrics implements AutoCloseable {

    /** Prometheus' text exposition format 0.0.4, what every scraper reads. */
    public static final String TEXT_FORMAT = "text/plain; version=0.0.4; charset=utf-8";

    /** A sender could invent message types without end; past this many, new ones count as "other". */
    private static final int MAX_MESSAGE_TYPES = 64;
    private static final Pattern MESSAGE_TYPE = Pattern.compile("[A-Z0-9]{3}\\^[A-Z0-9]{3}");

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EngineMetrics.class);

    private final PrometheusMeterRegistry registry;
    /** Listens to the JVM's GC notifications until closed: an engine stopped in a test JVM must let go. */
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Set<String> messageTypes = ConcurrentHashMap.newKeySet();
    /** Gauges read from the database or the broker, brought up to date before each scrape. */
    private final java.util.List<Runnable> beforeScrape = new java.util.concurrent.CopyOnWriteArrayList<>();

    public EngineMetrics() {
        this.registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        // JVM figures as Micrometer names them (jvm_memory_used_bytes, jvm_gc_pause_seconds, ...)
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    public PrometheusMeterRegistry registry() {
        return registry;
    }

    /** {@code refresh} runs before each scrape; it caches what it reads itself. */
    void beforeScrape(Runnable refresh) {
        beforeScrape.add(refresh);
    }

    /**
     * The registry in Prometheus text format. A gauge source that fails (database down) keeps its
     * last values: the scrape still answers, and health says what is down.
     */
    public String scrape() {
        for (Runnable r : beforeScrape) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.debug("A metrics source failed: {}", e.toString());
            }
        }
        return registry.scrape();
    }

    // ---- HL7 -----------------------------------------------------------------------------------

    /**
     * One message answered (or its connection reset, ack "none").
     *
     * @param type MSH-9 message type and trigger as read, or null when no header could be read
     * @param ack the MSA-1 code sent, or null when no ACK was sent
     * @param error the HL7 table 0357 error code of a refused message, or null
     */
    void hl7(String type, String ack, Integer error, Duration latency) {
        String t = messageType(type);
        String a = ack == null ? "none" : ack;
        Counter.builder("dxaflow_hl7_messages_received").description("HL7 v2 messages received over MLLP")
                .tag("type", t).register(registry).increment();
        Counter.builder("dxaflow_hl7_messages").description("HL7 v2 messages answered, by ACK code (MSA-1)")
                .tag("type", t).tag("ack", a).register(registry).increment();
        if (!"AA".equals(a) && !"CA".equals(a)) {
            Counter.builder("dxaflow_hl7_messages_rejected")
                    .description("HL7 v2 messages not accepted: AE/AR with the HL7 table 0357 error code, or none")
                    .tag("type", t).tag("ack", a).tag("error", error == null ? "none" : error.toString())
                    .register(registry).increment();
        }
        Timer.builder("dxaflow_hl7_ack_latency").description("Receipt of an HL7 message to its ACK being ready")
                .tag("ack", a)
                .serviceLevelObjectives(ms(5), ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000),
                        ms(2500), ms(5000), ms(10_000))
                .register(registry).record(latency.isNegative() ? Duration.ZERO : latency);
    }

    private String messageType(String type) {
        if (type == null) {
            return "unreadable";
        }
        if (!MESSAGE_TYPE.matcher(type).matches()) {
            return "other";
        }
        if (messageTypes.contains(type) || (messageTypes.size() < MAX_MESSAGE_TYPES && messageTypes.add(type))) {
            return type;
        }
        return "other";
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    // ---- DICOM ---------------------------------------------------------------------------------

    /** Counts associations by how they went; the remote's address and AE title stay out of the labels. */
    public AssociationMonitor associationMonitor() {
        return new AssociationMonitor() {
            @Override
            public void onAccepted(AssociationInfo info) {
                associations("accepted");
            }

            @Override
            public void onRejected(String remoteAddress, AAssociateRq request, AAssociateRj rejection) {
                associations("rejected");
            }

            @Override
            public void onProtocolError(String remoteAddress, String message) {
                associations("protocol_error");
            }

            @Override
            public void onClosed(AssociationInfo info, Throwable cause) {
                associations(cause == null ? "released" : "aborted");
            }
        };
    }

    private void associations(String outcome) {
        Counter.builder("dxaflow_dicom_associations")
                .description("DICOM associations: accepted, rejected, protocol_error; then released or aborted")
                .tag("outcome", outcome).register(registry).increment();
    }

    /** Times each Modality Worklist query, by its final status. */
    public FindHandler timedFind(FindHandler handler) {
        return (request, responder) -> {
            long t0 = System.nanoTime();
            String status = "failure";
            try {
                int s = handler.find(request, responder);
                status = responder.isCancelled() ? "cancelled" : s == Status.SUCCESS ? "success" : "failure";
                return s;
            } finally {
                Timer.builder("dxaflow_dicom_cfind").description("Modality Worklist C-FIND, request to final response")
                        .tag("status", status)
                        .serviceLevelObjectives(ms(10), ms(25), ms(50), ms(100), ms(250), ms(500), ms(1000),
                                ms(2500), ms(5000))
                        .register(registry).record(Duration.ofNanos(System.nanoTime() - t0));
            }
        };
    }

    /** Counts MPPS N-CREATE (in progress) and N-SET (completed, discontinued) by outcome. */
    public NormalizedHandler countedMpps(NormalizedHandler handler) {
        return new NormalizedHandler() {
            @Override
            public NResult create(NRequest request) throws Exception {
                return mpps("create", () -> handler.create(request));
            }

            @Override
            public NResult set(NRequest request) throws Exception {
                return mpps("set", () -> handler.set(request));
            }
        };
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private NormalizedHandler.NResult mpps(String event, Call<NormalizedHandler.NResult> call) throws Exception {
        String outcome = "failure";
        try {
            NormalizedHandler.NResult r = call.call();
            outcome = r.status() == Status.SUCCESS ? "success" : "failure";
            return r;
        } finally {
            Counter.builder("dxaflow_dicom_mpps").description("MPPS events received (N-CREATE, N-SET), by outcome")
                    .tag("event", event).tag("outcome", outcome).register(registry).increment();
        }
    }

    /** Counts C-STOREs by the status answered. */
    public StoreHandler countedStore(StoreHandler handler) {
        return request -> {
            String outcome = "failure";
            try {
                int s = handler.store(request);
                outcome = s == Status.SUCCESS ? "success" : (s & 0xF000) == 0xB000 ? "warning" : "failure";
                return s;
            } catch (StoreRefusedException e) {
                outcome = "refused";
                throw e;
            } finally {
                Counter.builder("dxaflow_dicom_cstore").description("C-STOREs received, by outcome")
                        .tag("outcome", outcome).register(registry).increment();
            }
        };
    }
}
