package org.dxaflow.sim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.Implementation;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.MppsScu;
import org.dxaflow.dicom.dimse.service.RemoteAe;
import org.dxaflow.dicom.dimse.service.WorklistScu;
import org.dxaflow.dicom.dimse.storage.StoreFailureException;
import org.dxaflow.dicom.dimse.storage.StoreOutcome;
import org.dxaflow.dicom.dimse.storage.StoreScu;
import org.dxaflow.dicom.modality.MppsAttributes;
import org.dxaflow.dicom.modality.WorklistQuery;
import org.dxaflow.dxasr.DxaResultSr;
import org.dxaflow.dxasr.MeasurementKind;
import org.dxaflow.dxasr.SiteMeasurement;
import org.dxaflow.dxasr.VertebraGrade;

/**
 * Plays a DXA scanner against a worklist/MPPS/storage peer: worklist query by accession, MPPS
 * N-CREATE IN PROGRESS, result SR, C-STORE, MPPS N-SET COMPLETED. If the SR cannot be built or
 * stored after the step was created, the step is DISCONTINUED so the RIS does not wait for it.
 */
public final class ScannerSimulator {

    /** Receives one line per step, for the operator. */
    @FunctionalInterface
    public interface Progress {
        void step(String step, String message);
    }

    /**
     * @param peer worklist, MPPS and storage SCP (dxaflow serves all three on one AE)
     * @param stationAeTitle our AE title, reported as PerformedStationAETitle
     * @param out where to keep the SR file, or null for a temporary file
     */
    public record Scan(RemoteAe peer, String stationAeTitle, String accessionNumber,
                       List<SiteMeasurement> measurements, List<VertebraGrade> vfa, Path out) {
        public Scan {
            Objects.requireNonNull(peer, "peer");
            Objects.requireNonNull(stationAeTitle, "stationAeTitle");
            Objects.requireNonNull(accessionNumber, "accessionNumber");
            measurements = List.copyOf(measurements);
            vfa = vfa == null ? List.of() : List.copyOf(vfa);
        }

        /** A scan without vertebral fracture assessment. */
        public Scan(RemoteAe peer, String stationAeTitle, String accessionNumber, List<SiteMeasurement> measurements,
                    Path out) {
            this(peer, stationAeTitle, accessionNumber, measurements, List.of(), out);
        }
    }

    public record Result(Attributes worklistItem, String mppsSopInstanceUid, String srSopInstanceUid,
                         String srSeriesInstanceUid) {
    }

    public static final String STATION_NAME = "DXAFLOW-SIM";
    /** The equipment the simulated scanner writes into its result SRs. */
    public static final DxaResultSr.Equipment EQUIPMENT = new DxaResultSr.Equipment("DXAFLOW-SIM", "scanner-sim",
            Implementation.VERSION, "SIM-0001", STATION_NAME);
    private static final DateTimeFormatter STEP_ID = DateTimeFormatter.ofPattern("yyMMddHHmmss");

    private final WorklistScu worklist;
    private final MppsScu mpps;
    private final StoreScu store;
    private final DxaResultSr srBuilder;
    private final MppsAttributes mppsAttributes = new MppsAttributes();
    private final UidGenerator uids;
    private final Clock clock;

    public ScannerSimulator(WorklistScu worklist, MppsScu mpps, StoreScu store, DxaResultSr srBuilder,
                            UidGenerator uids, Clock clock) {
        this.worklist = worklist;
        this.mpps = mpps;
        this.store = store;
        this.srBuilder = srBuilder;
        this.uids = uids;
        this.clock = clock;
    }

    /** The one worklist item for an accession number; zero or several items are an error. */
    public Attributes findWorklistItem(RemoteAe peer, String accessionNumber, Progress progress)
            throws ScannerSimException {
        WorklistScu.Matches matches;
        try {
            matches = worklist.find(peer, WorklistQuery.byAccession(accessionNumber), 1);
        } catch (IOException e) {
            throw new ScannerSimException("worklist query at " + peer + " failed: " + e.getMessage(),
                    ScannerSimException.STEP_FAILED, e);
        }
        if (matches.items().isEmpty()) {
            throw new ScannerSimException("no worklist item for accession " + accessionNumber + " at " + peer,
                    ScannerSimException.WORKLIST_MISMATCH, null);
        }
        if (matches.truncated()) {
            throw new ScannerSimException("more than one worklist item for accession " + accessionNumber + " at "
                    + peer + "; a scanner cannot tell which one was meant", ScannerSimException.WORKLIST_MISMATCH, null);
        }
        Attributes item = matches.items().get(0);
        Attributes sps = item.getItem(Tag.ScheduledProcedureStepSequence, 0);
        // identifiers of the order only: patient names and IDs stay out of the output
        progress.step("worklist", "1 item for accession " + accessionNumber + ": study "
                + item.getString(Tag.StudyInstanceUID, "?") + ", requested procedure "
                + item.getString(Tag.RequestedProcedureID, "?") + ", step "
                + (sps == null ? "?" : sps.getString(Tag.ScheduledProcedureStepID, "?") + " (modality "
                + sps.getString(Tag.Modality, "?") + ")"));
        return item;
    }

    public Result run(Scan scan, Progress progress) throws ScannerSimException {
        if (scan.measurements().isEmpty()) {
            throw new ScannerSimException("no measurements to report", ScannerSimException.STEP_FAILED, null);
        }
        Attributes item = findWorklistItem(scan.peer(), scan.accessionNumber(), progress);
        LocalDateTime start = LocalDateTime.now(clock);
        String mppsUid = createStep(scan, item, start, progress);

        String seriesUid = uids.createUid();
        String srUid = uids.createUid();
        MppsAttributes.PerformedSeries series;
        Path file = null;
        try {
            Attributes sr = srBuilder.build(item, new DxaResultSr.Identity(seriesUid, srUid, mppsUid,
                    LocalDateTime.now(clock), 1, 1), scan.measurements(), scan.vfa());
            progress.step("sr", "Comprehensive SR " + srUid + ": " + describe(scan.measurements()));
            file = scan.out() != null ? scan.out() : Files.createTempFile("scanner-sim-", ".dcm");
            DicomFile.of(sr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(file);
            if (scan.out() != null) {
                progress.step("sr", "written to " + scan.out());
            }
            StoreOutcome stored = store.storeOne(new StoreScu.Destination(scan.peer().host(), scan.peer().port(),
                    scan.peer().aeTitle()), file);
            progress.step("store", "C-STORE " + srUid + " to " + scan.peer() + ": " + Status.hex(stored.status()));
            series = performedSeries(item, seriesUid, scan.peer(), List.of(
                    new MppsAttributes.InstanceRef(SopClass.COMPREHENSIVE_SR_STORAGE, srUid)));
        } catch (IOException | IllegalArgumentException e) {
            String why = e instanceof StoreFailureException sf ? "C-STORE failed: " + sf.failure()
                    : "result SR: " + e.getMessage();
            discontinue(scan.peer(), mppsUid, performedSeries(item, seriesUid, scan.peer(), List.of()), progress);
            throw new ScannerSimException(why, ScannerSimException.STEP_FAILED, e);
        } finally {
            deleteTemporary(file, scan.out());
        }
        try {
            MppsScu.Result r = mpps.set(scan.peer(), mppsUid, mppsAttributes.completed(LocalDateTime.now(clock),
                    List.of(series)));
            progress.step("mpps", "N-SET " + mppsUid + " COMPLETED: " + Status.hex(r.status()));
        } catch (IOException e) {
            throw new ScannerSimException("MPPS N-SET COMPLETED failed: " + e.getMessage(),
                    ScannerSimException.STEP_FAILED, e);
        }
        return new Result(item, mppsUid, srUid, seriesUid);
    }

    private String createStep(Scan scan, Attributes item, LocalDateTime start, Progress progress)
            throws ScannerSimException {
        String requested = uids.createUid();
        MppsAttributes.StepStart step = new MppsAttributes.StepStart("SIM" + STEP_ID.format(start),
                scan.stationAeTitle(), STATION_NAME, start);
        try {
            MppsScu.Result r = mpps.create(scan.peer(), requested, mppsAttributes.inProgress(item, step));
            progress.step("mpps", "N-CREATE " + r.sopInstanceUid() + " " + MppsAttributes.IN_PROGRESS + ": "
                    + Status.hex(r.status()));
            return r.sopInstanceUid();
        } catch (IOException | IllegalArgumentException e) {
            throw new ScannerSimException("MPPS N-CREATE failed: " + e.getMessage(), ScannerSimException.STEP_FAILED, e);
        }
    }

    private void discontinue(RemoteAe peer, String mppsUid, MppsAttributes.PerformedSeries series, Progress progress) {
        try {
            MppsScu.Result r = mpps.set(peer, mppsUid, mppsAttributes.discontinued(LocalDateTime.now(clock),
                    List.of(series), MppsAttributes.UNSPECIFIED_REASON));
            progress.step("mpps", "N-SET " + mppsUid + " DISCONTINUED: " + Status.hex(r.status()));
        } catch (IOException e) {
            // the original failure is what the operator must see; this one is reported alongside
            progress.step("mpps", "N-SET " + mppsUid + " DISCONTINUED failed too: " + e.getMessage());
        }
    }

    /** ProtocolName is type 1 in the Performed Series Sequence: scheduled protocol, step, or "DXA". */
    private static MppsAttributes.PerformedSeries performedSeries(Attributes item, String seriesUid, RemoteAe peer,
                                                                  List<MppsAttributes.InstanceRef> instances) {
        Attributes sps = item.getItem(Tag.ScheduledProcedureStepSequence, 0);
        String protocol = null;
        if (sps != null) {
            Attributes code = sps.getItem(Tag.ScheduledProtocolCodeSequence, 0);
            protocol = code == null ? null : code.getString(Tag.CodeMeaning);
            protocol = protocol != null ? protocol : sps.getString(Tag.ScheduledProcedureStepDescription);
        }
        return new MppsAttributes.PerformedSeries(seriesUid, "DXA results", protocol == null ? "DXA" : protocol,
                peer.aeTitle(), instances);
    }

    static String describe(List<SiteMeasurement> measurements) {
        return measurements.stream().map(m -> m.label() + " BMD " + m.bmd().toPlainString() + " g/cm2"
                + (m.value(MeasurementKind.T_SCORE) == null ? "" : " T " + m.value(MeasurementKind.T_SCORE).toPlainString())
                + (m.value(MeasurementKind.Z_SCORE) == null ? "" : " Z " + m.value(MeasurementKind.Z_SCORE).toPlainString()))
                .collect(Collectors.joining("; "));
    }

    private static void deleteTemporary(Path file, Path keep) {
        if (file != null && keep == null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                // a temp file left behind is harmless
            }
        }
    }
}
