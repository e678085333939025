package org.dxaflow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.component.jms.JmsComponent;
import org.apache.camel.component.platform.http.vertx.VertxPlatformHttpServer;
import org.apache.camel.main.Main;
import org.dxaflow.check.HotReload;
import org.dxaflow.check.ReloadListener;
import org.dxaflow.check.ReloadStatus;
import org.dxaflow.check.Reloadable;
import org.dxaflow.conf.ConfException;
import org.dxaflow.audit.AuditEvent;
import org.dxaflow.audit.AuditLog;
import org.dxaflow.audit.SyslogForwarder;
import org.dxaflow.results.mapping.ResultMappings;
import org.dxaflow.dicom.dimse.service.PendingCommitments;
import org.dxaflow.densitometry.DensitometryConfig;
import org.dxaflow.densitometry.conf.ReferenceDataLoader;
import org.dxaflow.dicom.data.Implementation;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.storage.SpoolStoreHandler;
import org.dxaflow.gate.AutoJustification;
import org.dxaflow.gate.DecisionApplier;
import org.dxaflow.gate.DecisionStore;
import org.dxaflow.gate.ExposureGuard;
import org.dxaflow.gate.ExposureIncidents;
import org.dxaflow.gate.PractitionerJustification;
import org.dxaflow.gate.ReferralAssembler;
import org.dxaflow.hl7.AckBuilder;
import org.dxaflow.hl7.Hl7Intake;
import org.dxaflow.hl7.InboundMessageStore;
import org.dxaflow.hl7.MessageReader;
import org.dxaflow.hl7.mllp.GuardedMllpComponent;
import org.dxaflow.justification.JustificationGate;
import org.dxaflow.justification.PractitionerReview;
import org.dxaflow.justification.ReferralQuestionMapping;
import org.dxaflow.justification.RuleSet;
import org.dxaflow.justification.RuleSetLoader;
import org.dxaflow.order.CodedValue;
import org.dxaflow.orderbook.AppointmentBook;
import org.dxaflow.orderbook.MessageApplier;
import org.dxaflow.orderbook.OrderLifecycle;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.PatientStore;
import org.dxaflow.orderbook.StatusChanges;
import org.dxaflow.pathway.PathwaySettings;
import org.dxaflow.pathway.PathwaySettingsLoader;
import org.dxaflow.pathway.SchedulePolicy;
import org.dxaflow.pathway.ScheduleStore;
import org.dxaflow.results.AnnouncingStoreHandler;
import org.dxaflow.results.StoredObjectRecorder;
import org.dxaflow.results.StoredObjectStore;
import org.dxaflow.ris.RisLink;
import org.dxaflow.ris.RisOutbox;
import org.dxaflow.ris.RisOutboxStore;
import org.dxaflow.ris.RisSettings;
import org.dxaflow.ris.RisStatusMessages;
import org.dxaflow.store.Database;
import org.dxaflow.store.Jdbc;
import org.dxaflow.web.DecisionRequestReader;
import org.dxaflow.web.HealthApi;
import org.dxaflow.web.JustificationApi;
import org.dxaflow.web.MessagesApi;
import org.dxaflow.web.ObjectsApi;
import org.dxaflow.web.OrderViews;
import org.dxaflow.web.OrdersApi;
import org.dxaflow.dicom.data.Implementation;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.storage.SpoolStoreHandler;
import org.dxaflow.results.AnnouncingStoreHandler;
import org.dxaflow.results.SpoolAnnouncer;
import org.dxaflow.results.StoredObjectRecorder;
import org.dxaflow.worklist.MppsHandler;
import org.dxaflow.worklist.ProcedureStepApplier;
import org.dxaflow.worklist.ProcedureStepStore;
import org.dxaflow.worklist.StoredWorklist;
import org.dxaflow.worklist.WorklistDataSet;
import org.dxaflow.worklist.WorklistFindHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.connection.CachingConnectionFactory;

/**
 * One running dxaflow: database, broker, the beans the routes call, and Camel loading the routes
 * from {@code routes/}. Everything is wired here by hand, through constructors, so what depends on
 * what can be read in one place.
 */
public final class Engine implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final DxaflowConfig config;
    private final Clock clock;
    /** Storage Commitment transactions: the PACS sender waits on them, the DICOM listener completes them. */
    private final PendingCommitments commitments = new PendingCommitments();
    private Database database;
    private EmbeddedBroker broker;
    private CachingConnectionFactory connectionFactory;
    private Main main;
    private DicomListener dicom;
    private SpoolAnnouncer announcer;
    private volatile boolean hl7Accepting;
    /** Told of every hot reload attempt (the audit trail's hook); the engine itself only logs them. */
    private final ReloadListener reloadListener;
    private volatile HotReload reload;
    /** The audit trail's copy to syslog (idle, without a thread, when no host is configured). */
    private SyslogForwarder auditForwarder;
    /** This engine's Prometheus registry (GET /metrics); one per engine, so engines in one JVM do not mix. */
    private final EngineMetrics metrics = new EngineMetrics();

    public Engine(DxaflowConfig config, Clock clock) {
        this(config, clock, ReloadListener.NONE);
    }

    public Engine(DxaflowConfig config, Clock clock, ReloadListener reloadListener) {
        this.config = config;
        this.clock = clock;
        this.reloadListener = reloadListener;
    }

    /** The editable clinical configuration, read and validated before anything else starts. */
    private record ClinicalConf(RuleSet rules, ReferralQuestionMapping questions, PathwaySettings pathway,
                                DensitometryConfig densitometry) {
    }

    public void start() {
        long t0 = System.nanoTime();
        // A port that is taken stops the start here, before the journal or database is opened.
        Listeners.checkAvailable(config);
        ConfigReport.warnings(config).forEach(w -> LOG.warn("Configuration: {}", w));
        // A mistake in a rule file stops the engine here, with file:line errors, before it takes any message.
        ClinicalConf conf = loadClinicalConf();
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create data directory " + config.dataDir(), e);
        }
        LogFile.attach(config.dataDir());
        ObjectMapper json = Json.newMapper();
        database = new Database(config.get(DxaflowConfig.DB_URL), config.get(DxaflowConfig.DB_USER, ""),
                config.get(DxaflowConfig.DB_PASSWORD, ""));
        int migrations = database.migrate();
        LOG.info("Database ready ({} migration(s) applied)", migrations);

        String brokerUrl = config.get(DxaflowConfig.BROKER_URL);
        if (config.embeddedBroker()) {
            broker = new EmbeddedBroker(config.dataDir(), 0,
                    config.getInt("dxaflow.broker.max-delivery-attempts", 5),
                    config.getInt("dxaflow.broker.redelivery-delay-ms", 1000),
                    config.getInt("dxaflow.broker.journal-buffer-timeout-us", 1000));
            broker.start();
            brokerUrl = broker.clientUrl();
            LOG.info("Embedded broker started, journal under {}", config.dataDir().resolve("broker"));
        }
        connectionFactory = connectionFactory(brokerUrl);

        Jdbc jdbc = new Jdbc(database.dataSource());
        InboundMessageStore messages = new InboundMessageStore(jdbc);
        PatientStore patients = new PatientStore();
        OrderStore orders = new OrderStore(jdbc, json, config.get("dxaflow.accession.prefix", "DXA"));
        ReloadModule.Reloadables live = new ReloadModule.Reloadables(
                new Reloadable<>(MessageReader.fromMappings(config.path(DxaflowConfig.MAPPINGS_DIR))),
                new Reloadable<>(new JustificationGate(conf.rules(), conf.densitometry().menopausalStatus(), clock)),
                new Reloadable<>(ResultMappings.load(config.path(DxaflowConfig.MAPPINGS_DIR).resolve("results"))));
        AckBuilder acks = new AckBuilder(config.get("dxaflow.hl7.application", "DXAFLOW"),
                config.get("dxaflow.hl7.facility", "DXA"), clock);

        RisSettings ris = risSettings();
        SchedulePolicy policy = new SchedulePolicy(conf.pathway());
        ScheduleStore schedules = new ScheduleStore(jdbc, policy);
        RisOutboxStore risOutbox = new RisOutboxStore(jdbc, ris.enabled());
        StatusChanges statuses = new StatusChanges(jdbc, new OrderLifecycle(), risOutbox);
        DecisionStore decisions = new DecisionStore(jdbc, json);
        ExposureIncidents incidents = new ExposureIncidents(jdbc);
        ExposureGuard exposures = new ExposureGuard(decisions, incidents);
        DecisionApplier applier = new DecisionApplier(decisions, statuses, schedules, policy, incidents);
        OrderViews views = new OrderViews(decisions, schedules, policy, incidents);
        OrdersApi ordersApi = new OrdersApi(orders, messages, views, decisions, statuses, risOutbox, json);

        main = new Main();
        main.setOverrideProperties(CamelSettings.of(config));
        main.bind("jms", JmsComponent.jmsComponent(connectionFactory));
        // routes/queues.camel.yaml declares the queue consumers' component on this connection factory
        main.bind("jmsConnectionFactory", connectionFactory);
        main.bind("mllp", new GuardedMllpComponent(config.getInt("dxaflow.hl7.max-connections-per-address", 8),
                config.getInt("dxaflow.hl7.max-message-bytes", 16 << 20)));
        auditForwarder = SyslogForwarder.start(SyslogForwarder.Settings.from(config::get), clock);
        AuditLog audit = new AuditLog(jdbc, auditForwarder);
        // every AE/AR in the audit trail, the sending application as the actor; frames with no readable
        // MSH (a fuzzer's thousands) are rate-limited in the log instead
        main.bind("hl7Intake", new Hl7Intake(live.readers(), acks, messages, d -> {
            if (d.header() != null && d.error() != null) {
                audit.record(new AuditEvent(clock.instant(), d.header().sendingApplication(), "", "mllp",
                        "HL7_REFUSED", "MESSAGE", d.intakeId(), null, AuditEvent.FAILURE,
                        d.describe() + " answered " + d.error().ackCode() + " " + d.error().code()));
            }
        }, clock));
        main.bind("messageApplier", new MessageApplier(live.readers(), jdbc, messages, patients, orders, statuses,
                new AppointmentBook(orders, schedules, statuses), clock));
        main.bind("autoJustification", new AutoJustification(jdbc, orders,
                new ReferralAssembler(conf.questions(), conf.pathway().zone()),
                live.gates(), applier, clock));
        main.bind("risOutbox", new RisOutbox(risOutbox, orders, schedules,
                new RisStatusMessages(ris, conf.pathway().zone()), clock, ris.enabled()));
        main.bind("risLink", new RisLink(ris));
        main.bind("ordersApi", ordersApi);
        main.bind("justificationApi", new JustificationApi(orders, views, ordersApi,
                new PractitionerJustification(jdbc, orders, decisions, incidents,
                        new PractitionerReview(conf.rules().protocol(), clock), applier, clock),
                new DecisionRequestReader(json), incidents));
        main.bind("messagesApi", new MessagesApi(messages, json));
        AccessModule.beans(config, jdbc, audit, json, System.out, clock).forEach(main::bind);
        main.bind("kpiApi", org.dxaflow.web.KpiApi.create(jdbc, conf.questions(), conf.pathway(), config.path(DxaflowConfig.CONF_DIR), json));
        conf.densitometry().warnings().forEach(w -> LOG.warn("Configuration: {}", w));
        main.bind("healthApi", new HealthApi(healthChecks(), conf.densitometry()::warnings, json,
                () -> reload == null ? null : reload.status().view(),
                new HealthParts(healthChecks(), jdbc, broker, HealthParts.configured(config), ris.enabled(), clock)::parts));
        MetricsModule.beans(config, metrics, jdbc, broker, json, clock).forEach(main::bind);
        ProcedureStepStore procedureSteps = new ProcedureStepStore(jdbc);
        main.bind("procedureStepApplier", new ProcedureStepApplier(jdbc, orders, statuses, schedules, exposures,
                clock));
        StoredObjectStore storedObjects = new StoredObjectStore(jdbc);
        main.bind("storedObjectRecorder", new StoredObjectRecorder(storedObjects, orders));
        main.bind("objectsApi", new ObjectsApi(storedObjects, json));
        ReportsModule.Reports reports = reports(jdbc, orders, statuses);
        reports.beans().forEach(main::bind);
        ResultsModule.beans(config, conf.densitometry(), jdbc, orders, statuses, exposures, incidents,
                reports.workflow(), live.resultMappings(), clock).forEach(main::bind);
        try {
            main.start();
        } catch (Exception e) {
            close();
            BindException bind = Listeners.bindFailure(e);
            if (bind != null) {
                // Only the MLLP consumer binds inside Camel's start; the HTTP server reports its failure apart.
                throw Listeners.cannotListen(DxaflowConfig.HL7_PORT, config.getInt(DxaflowConfig.HL7_PORT),
                        bind.getMessage(), e);
            }
            throw new IllegalStateException("Camel failed to start: " + e.getMessage(), e);
        }
        try {
            checkHttpServerListening();
            // The DICOM services publish into the routes, so they open only once Camel is running.
            dicom = dicomListener(jdbc, orders, procedureSteps, decisions, conf.questions(), json, audit);
            dicom.start();
            if (config.get("dxaflow.reload.enabled", "true").equals("true")) {
                reload = ReloadModule.start(config, main.getCamelContext(), connectionFactory, live, conf.densitometry(), audit,
                        reloadListener, clock);
                reload.start();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("dxaflow started in {} ms: HL7 MLLP on {}, HTTP on {}, DICOM {} on {}; justification rules {};"
                        + " status messages to the RIS {}", (System.nanoTime() - t0) / 1_000_000,
                config.get(DxaflowConfig.HL7_PORT), config.get(DxaflowConfig.HTTP_PORT),
                config.get(DxaflowConfig.DICOM_AET), dicom.port(), conf.rules().version(),
                ris.enabled() ? "at " + ris.host() + ":" + ris.port() : "off (dxaflow.ris.host empty)");
    }

    /**
     * Camel's HTTP server (Vert.x) logs a failed bind and carries on without the API; a process
     * whose API is not there must not look started.
     */
    private void checkHttpServerListening() {
        VertxPlatformHttpServer http = main.getCamelContext().hasService(VertxPlatformHttpServer.class);
        if (http != null && (http.getServer() == null || http.getServer().actualPort() <= 0)) {
            throw Listeners.cannotListen(DxaflowConfig.HTTP_PORT, config.getInt(DxaflowConfig.HTTP_PORT),
                    "the HTTP server did not start (see the log above)", null);
        }
    }

    private DicomListener dicomListener(Jdbc jdbc, OrderStore orders, ProcedureStepStore procedureSteps,
            DecisionStore decisions, ReferralQuestionMapping questions, ObjectMapper json, AuditLog audit) {
        QueueEvents events = new QueueEvents(main.getCamelContext().createProducerTemplate(), json);
        UidGenerator uids = new UidGenerator(config.get(UidGenerator.CONFIG_KEY, UidGenerator.DEFAULT_ROOT));
        StoredWorklist worklist = new StoredWorklist(jdbc, orders, ids -> protocols(decisions, ids),
                new StoredWorklist.Settings(
                        Set.of(config.get("dxaflow.worklist.statuses", "SCHEDULED").split("\\s*,\\s*")),
                        config.get("dxaflow.worklist.station-aet", ""),
                        config.get("dxaflow.worklist.issuer-of-patient-id", ""),
                        config.get("dxaflow.worklist.step-description", "DXA bone densitometry")),
                new WorklistDataSet(config.get("dxaflow.worklist.local-coding-scheme", "99DXAFLOW")), uids,
                questions);
        Path spoolDirectory = config.dataDir().resolve("spool").resolve("dicom");
        SpoolStoreHandler spool;
        try {
            spool = new SpoolStoreHandler(spoolDirectory, Implementation.CLASS_UID, Implementation.VERSION_NAME);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create the DICOM spool under " + config.dataDir(), e);
        }
        announcer = new SpoolAnnouncer(spoolDirectory, new StoredObjectQueue(connectionFactory, json),
                StoredObjectQueue.announcerSettings(config));
        announcer.start();
        return new DicomListener(config, metrics.timedFind(new WorklistFindHandler(worklist)),
                metrics.countedMpps(new MppsHandler(procedureSteps, orders, events, uids, clock)),
                metrics.countedStore(new AnnouncingStoreHandler(spool, announcer, clock)), commitments,
                new AuditedAssociations(metrics.associationMonitor(), audit, clock));
    }

    /** Hot reload's state (its last failure), or null when it is off or the engine is not running. */
    public ReloadStatus reloadStatus() {
        HotReload r = reload;
        return r == null ? null : r.status();
    }

    private ClinicalConf loadClinicalConf() {
        Path confDir = config.path(DxaflowConfig.CONF_DIR);
        try {
            return new ClinicalConf(
                    new RuleSetLoader().load(confDir.resolve("justification")),
                    ReferralQuestionMapping.load(config.path(DxaflowConfig.MAPPINGS_DIR)
                            .resolve("hl7").resolve("referral-questions.yaml")),
                    new PathwaySettingsLoader().load(confDir.resolve(PathwaySettingsLoader.FILE)),
                    new ReferenceDataLoader().load(confDir));
        } catch (ConfException e) {
            throw new IllegalStateException("Configuration is invalid; the engine will not start. " + e.getMessage(), e);
        }
    }

    private ReportsModule.Reports reports(Jdbc jdbc, OrderStore orders, StatusChanges statuses) {
        try {
            return ReportsModule.build(config, jdbc, ResultsModule.json(), orders, statuses,
                    new UidGenerator(config.get(UidGenerator.CONFIG_KEY, UidGenerator.DEFAULT_ROOT)), commitments,
                    clock);
        } catch (ConfException e) {
            throw new IllegalStateException("Configuration is invalid; the engine will not start. " + e.getMessage(), e);
        }
    }

    private RisSettings risSettings() {
        return new RisSettings(config.get("dxaflow.ris.host", ""), config.getInt("dxaflow.ris.port", 2576),
                config.getInt("dxaflow.ris.timeout-ms", 10_000), config.get("dxaflow.hl7.application", "DXAFLOW"),
                config.get("dxaflow.hl7.facility", "DXA"), config.get("dxaflow.ris.application", ""),
                config.get("dxaflow.ris.facility", ""));
    }

    /** The protocol the latest decision on each order chose: the worklist's ScheduledProtocolCodeSequence. */
    private static java.util.Map<Long, java.util.List<CodedValue>> protocols(DecisionStore decisions,
            java.util.Collection<Long> orderIds) {
        java.util.Map<Long, java.util.List<CodedValue>> out = new java.util.HashMap<>();
        decisions.latest(orderIds).forEach((id, d) -> out.put(id, d.decision().protocol().stream()
                .map(p -> new CodedValue(p.value(), p.meaning(), p.codingSchemeDesignator())).toList()));
        return out;
    }

    private CachingConnectionFactory connectionFactory(String brokerUrl) {
        ConnectionFactory target = new ActiveMQConnectionFactory(brokerUrl);
        CachingConnectionFactory caching = new CachingConnectionFactory(target);
        // One cached session and producer per MLLP connection keeps durable sends cheap.
        caching.setSessionCacheSize(config.getInt("dxaflow.hl7.max-connections", 32));
        caching.setCacheConsumers(false);
        return caching;
    }

    private Map<String, BooleanSupplier> healthChecks() {
        Map<String, BooleanSupplier> checks = new LinkedHashMap<>();
        checks.put("database", () -> database.isHealthy());
        checks.put("broker", () -> broker == null || broker.isActive());
        checks.put("routes", this::routesStarted);
        checks.put("hl7Listener", this::hl7ListenerAccepting);
        checks.put("dicomListener", () -> dicom != null && dicom.isAccepting());
        return checks;
    }

    private boolean routesStarted() {
        CamelContext ctx = main.getCamelContext();
        return ctx != null && ctx.isStarted() && !ctx.getRoutes().isEmpty()
                && ctx.getRoutes().stream().allMatch(r ->
                        ctx.getRouteController().getRouteStatus(r.getRouteId()) == ServiceStatus.Started);
    }

    /**
     * The MLLP consumer binds its socket on a thread of its own after the route starts, so the
     * route being started is not enough: connect once to see it accept.
     */
    private boolean hl7ListenerAccepting() {
        if (hl7Accepting) {
            return true;
        }
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", config.getInt(DxaflowConfig.HL7_PORT)), 500);
            hl7Accepting = true;
        } catch (IOException e) {
            return false;
        }
        return true;
    }

    public boolean isHealthy() {
        return main != null && routesStarted() && hl7ListenerAccepting() && dicom != null && dicom.isAccepting()
                && database.isHealthy()
                && (broker == null || broker.isActive());
    }

    public CamelContext camelContext() {
        return main.getCamelContext();
    }

    /** The DICOM port actually bound (useful when configured as 0). */
    public int dicomPort() {
        return dicom.port();
    }

    public DxaflowConfig config() {
        return config;
    }

    /** Stops intake first, lets in-flight messages finish, then the broker, then the database. */
    @Override
    public void close() {
        if (reload != null) {
            // first: no reload may start while the routes and beans it would touch are stopping
            reload.close();
            reload = null;
        }
        if (dicom != null) {
            dicom.close();
            dicom = null;
        }
        if (announcer != null) {
            // after the listener (nothing more to announce), before the broker connection goes
            announcer.close();
            announcer = null;
        }
        if (main != null) {
            try {
                main.stop();
            } catch (Exception e) {
                LOG.warn("Camel did not stop cleanly: {}", e.toString());
            }
            main = null;
        }
        if (auditForwarder != null) {
            // after Camel (the last requests are audited), before the database: sends what is still queued
            auditForwarder.close();
            auditForwarder = null;
        }
        if (connectionFactory != null) {
            connectionFactory.destroy();
            connectionFactory = null;
        }
        if (broker != null) {
            broker.close();
            broker = null;
        }
        if (database != null) {
            database.close();
            database = null;
        }
        metrics.close();
    }
}
