package org.dxaflow.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.service.PendingCommitments;
import org.dxaflow.dicom.dimse.service.RemoteAe;
import org.dxaflow.dicom.dimse.service.StorageCommitmentScu;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.orderbook.OrderStore;
import org.dxaflow.orderbook.StatusChanges;
import org.dxaflow.report.DeliveryStore;
import org.dxaflow.report.Destination;
import org.dxaflow.report.ReportChannel;
import org.dxaflow.report.ReportCodes;
import org.dxaflow.report.ReportCodesLoader;
import org.dxaflow.report.ReportComposer;
import org.dxaflow.report.ReportDelivery;
import org.dxaflow.report.ReportSettings;
import org.dxaflow.report.ReportStore;
import org.dxaflow.report.ReportWorkflow;
import org.dxaflow.report.dicom.EncapsulatedPdfWriter;
import org.dxaflow.report.dicom.PacsChannel;
import org.dxaflow.report.dicom.PacsCommitment;
import org.dxaflow.report.dicom.PacsSender;
import org.dxaflow.report.dicom.ReportDicomSettings;
import org.dxaflow.report.dicom.ReportSrWriter;
import org.dxaflow.report.fhir.FhirChannel;
import org.dxaflow.report.fhir.FhirSender;
import org.dxaflow.report.fhir.ReportBundleBuilder;
import org.dxaflow.report.hl7.OruChannel;
import org.dxaflow.report.hl7.OruSender;
import org.dxaflow.report.hl7.ReportOruBuilder;
import org.dxaflow.report.pdf.ReportPdf;
import org.dxaflow.report.text.ReportConf;
import org.dxaflow.report.text.ReportConfLoader;
import org.dxaflow.report.text.ReportWording;
import org.dxaflow.worklist.WorklistDataSet;
import org.dxaflow.worklist.WorklistIdentity;
import org.dxaflow.results.ResultStore;
import org.dxaflow.results.StoredObjectStore;
import org.dxaflow.store.Jdbc;
import org.dxaflow.web.ReportsApi;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The beans of the reports step, by the names routes/reports.camel.yaml and routes/api.camel.yaml
 * call them. The report's codes and templates are read here, at start, so a mistake in
 * conf/report/ stops the engine with the file named. A destination is on when its host or URL is set.
 */
final class ReportsModule {

    /** The workflow and the beans the routes call. */
    record Reports(ReportWorkflow workflow, Map<String, Object> beans) {
        Reports {
            beans = Map.copyOf(beans);
        }
    }

    private ReportsModule() {
    }

    /**
     * @param commitments the Storage Commitment transactions the DICOM listener completes when the
     *                    PACS reports on a new association
     */
    static Reports build(DxaflowConfig config, Jdbc jdbc, ObjectMapper json, OrderStore orders,
                         StatusChanges statuses, UidGenerator uids, PendingCommitments commitments, Clock clock) {
        Path confDir = config.path(DxaflowConfig.CONF_DIR);
        ReportCodes codes = new ReportCodesLoader().load(confDir);
        ReportConf reportConf = new ReportConfLoader().load(confDir);
        ReportWording wording = new ReportWording(confDir, reportConf);
        ReportPdf pdf = new ReportPdf(confDir);
        ReportStore reports = new ReportStore(jdbc, json);
        DeliveryStore deliveries = new DeliveryStore(jdbc);
        // the SR's patient and study modules are the worklist item's, made by the same code
        ReportDicomSettings dicom = new ReportDicomSettings(new WorklistIdentity(
                new WorklistDataSet(config.get("dxaflow.worklist.local-coding-scheme", "99DXAFLOW")),
                config.get("dxaflow.worklist.issuer-of-patient-id", "")), reportConf.service().name(),
                reportConf.timeZone());
        Map<Destination, ReportChannel> channels = channels(config, codes, dicom, uids, commitments, clock);
        ReportSettings settings = new ReportSettings(
                Boolean.parseBoolean(config.get("dxaflow.report.auto-preliminary", "true").trim()), channels.keySet());
        ReportComposer composer = new ReportComposer(orders, new ResultStore(jdbc, json), new StoredObjectStore(jdbc),
                json, uids, wording::render, pdf::render);
        ReportWorkflow workflow = new ReportWorkflow(jdbc, reports, deliveries, composer, settings, orders, statuses, clock);
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("reportWorkflow", workflow);
        beans.put("reportDelivery", new ReportDelivery(jdbc, reports, deliveries, orders, statuses, channels, clock));
        beans.put("reportsApi", new ReportsApi(reports, deliveries, workflow, json, clock));
        return new Reports(workflow, beans);
    }

    private static Map<Destination, ReportChannel> channels(DxaflowConfig config, ReportCodes codes,
                                                            ReportDicomSettings dicom, UidGenerator uids,
                                                            PendingCommitments commitments, Clock clock) {
        Map<Destination, ReportChannel> channels = new EnumMap<>(Destination.class);
        String application = config.get("dxaflow.hl7.application", "DXAFLOW");
        String facility = config.get("dxaflow.hl7.facility", "DXA");
        boolean embedPdf = Boolean.parseBoolean(config.get("dxaflow.report.hl7-embed-pdf", "false").trim());
        ReportOruBuilder oru = new ReportOruBuilder(codes, application, facility);

        String pacsHost = config.get("dxaflow.pacs.host", "").trim();
        if (!pacsHost.isEmpty()) {
            RemoteAe pacs = new RemoteAe(pacsHost, config.getInt("dxaflow.pacs.port", 104),
                    config.get("dxaflow.pacs.aet", "PACS"));
            String callingAet = config.get(DxaflowConfig.DICOM_AET, "DXAFLOW");
            Duration timeout = Duration.ofMillis(config.getLong("dxaflow.pacs.timeout-ms", 30_000));
            PacsCommitment commitment = null;
            if (Boolean.parseBoolean(config.get("dxaflow.pacs.storage-commitment", "false").trim())) {
                StorageCommitmentScu scu = new StorageCommitmentScu(RequestorConfig.defaults(callingAet)
                        .withTimeouts(timeout, timeout, timeout), commitments, uids, Duration.ofSeconds(2));
                commitment = new PacsCommitment(scu, pacs, callingAet,
                        Duration.ofSeconds(config.getLong("dxaflow.pacs.storage-commitment-timeout-seconds", 60)));
            }
            channels.put(Destination.PACS, new PacsChannel(new ReportSrWriter(codes, dicom),
                    new EncapsulatedPdfWriter(codes, dicom),
                    new PacsSender(pacs.host(), pacs.port(), pacs.aeTitle(), callingAet, timeout), commitment));
        }
        String risHost = config.get("dxaflow.ris.host", "").trim();
        if (!risHost.isEmpty()) {
            channels.put(Destination.RIS, new OruChannel(oru, new OruSender(risHost, config.getInt("dxaflow.ris.port", 2576),
                    Duration.ofMillis(config.getLong("dxaflow.ris.timeout-ms", 10_000))),
                    config.get("dxaflow.ris.application", "RIS"), config.get("dxaflow.ris.facility", ""), embedPdf, clock));
        }
        String gpHost = config.get("dxaflow.gp.hl7.host", "").trim();
        if (!gpHost.isEmpty()) {
            channels.put(Destination.GP_HL7, new OruChannel(oru, new OruSender(gpHost,
                    config.getInt("dxaflow.gp.hl7.port", 2577),
                    Duration.ofMillis(config.getLong("dxaflow.gp.hl7.timeout-ms", 10_000))),
                    config.get("dxaflow.gp.hl7.application", "GP"), config.get("dxaflow.gp.hl7.facility", ""), embedPdf,
                    clock));
        }
        String fhirUrl = config.get("dxaflow.gp.fhir.url", "").trim();
        if (!fhirUrl.isEmpty()) {
            String token = config.get("dxaflow.gp.fhir.token", "").trim();
            channels.put(Destination.GP_FHIR, new FhirChannel(new ReportBundleBuilder(codes),
                    new FhirSender(fhirUrl, token.isEmpty() ? null : token,
                            Duration.ofMillis(config.getLong("dxaflow.gp.fhir.timeout-ms", 30_000)))));
        }
        return channels;
    }
}
