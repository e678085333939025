package org.dxaflow.sim;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.dxaflow.clinical.Sex;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.FindHandler;
import org.dxaflow.dicom.dimse.service.FindScp;
import org.dxaflow.dicom.dimse.service.NormalizedHandler;
import org.dxaflow.dicom.dimse.service.NormalizedScp;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.dxaflow.dicom.dimse.storage.SpoolStoreHandler;
import org.dxaflow.dicom.dimse.storage.StorageScp;
import org.dxaflow.dicom.dimse.storage.StorageSopClasses;
import org.dxaflow.dicom.net.AcceptorConfig;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.query.KeyMatcher;
import org.dxaflow.dicom.query.ReturnKeys;
import org.dxaflow.dicom.testing.TestServers;
import org.dxaflow.order.CodedValue;
import org.dxaflow.order.PersonName;
import org.dxaflow.worklist.WorklistDataSet;
import org.dxaflow.worklist.WorklistEntry;

/**
 * Stands in for dxaflow's DICOM side, built from our own SCPs on one AE: Modality Worklist from a
 * fixed list of {@link WorklistDataSet} items (matched with KeyMatcher/ReturnKeys as the real SCP
 * will), MPPS recorded as it arrives, Storage spooled to a directory.
 */
final class DxaflowRig implements AutoCloseable {
    static final String AE = "DXAFLOW";

    /** An N-CREATE or N-SET as received. */
    record MppsCall(String operation, String sopInstanceUid, Attributes attributes) {
    }

    final List<Attributes> worklist = new CopyOnWriteArrayList<>();
    final List<MppsCall> mpps = new CopyOnWriteArrayList<>();
    final Path spool;
    volatile int storeStatusOverride = -1;
    private final DicomServer server;

    DxaflowRig(Path dir) throws Exception {
        spool = dir.resolve("spool");
        AcceptorConfig cfg = TestServers.config(AE);
        SpoolStoreHandler spooler = new SpoolStoreHandler(spool, cfg.implementationClassUid(),
                cfg.implementationVersionName());
        ServiceRegistry.Builder registry = ServiceRegistry.builder()
                .register(SopClass.MODALITY_WORKLIST_FIND, new FindScp(this::find))
                .register(SopClass.MODALITY_PERFORMED_PROCEDURE_STEP, new NormalizedScp(recorder()));
        new StorageScp(request -> storeStatusOverride >= 0 ? storeStatusOverride : spooler.store(request))
                .registerWith(registry, StorageSopClasses.DEFAULTS);
        server = TestServers.start(cfg, registry.build());
    }

    int port() {
        return server.port();
    }

    /** A BMD worklist entry with study UID 1.2.826.0.1.3680043.10.998.n and IDs derived from n. */
    static WorklistEntry entry(String accession, int n) {
        return new WorklistEntry(n, accession, "PID" + n, "HOSP", "9434765919",
                new PersonName("Rigpatient", "Clara", "", ""), LocalDate.of(1948, 7, 2), Sex.F, 61.5, 1.62,
                new PersonName("Referrer", "Rita", "", ""), "1.2.826.0.1.3680043.10.998." + n, "RP" + n,
                new CodedValue("DXASH", "DXA spine and hip", "L"), "SCANNER", LocalDate.of(2024, 1, 15),
                LocalTime.of(10, 15), "SPS" + n, "DXA spine and left hip",
                List.of(new CodedValue("DXA-SH", "Spine and hip protocol", "L")), "SCHEDULED");
    }

    void schedule(WorklistEntry e) {
        worklist.add(new WorklistDataSet("99DXA").toAttributes(e));
    }

    List<Path> spooled() throws Exception {
        if (!Files.isDirectory(spool)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".dcm")).toList();
        }
    }

    private int find(FindHandler.FindRequest request, FindHandler.FindResponder responder) throws Exception {
        TransferSyntax ts = TransferSyntax.forUid(request.identifier().transferSyntaxUid());
        Attributes query = DataSetReader.read(request.identifier().bytes(), ts);
        KeyMatcher matcher = new KeyMatcher();
        ReturnKeys returnKeys = new ReturnKeys(matcher);
        for (Attributes candidate : worklist) {
            if (matcher.matches(query, candidate)) {
                responder.match(responder.dataSet(DataSetWriter.encode(returnKeys.build(query, candidate), ts)));
            }
        }
        return Status.SUCCESS;
    }

    private NormalizedHandler recorder() {
        java.util.Set<String> created = ConcurrentHashMap.newKeySet();
        return new NormalizedHandler() {
            @Override
            public NResult create(NRequest r) throws Exception {
                mpps.add(new MppsCall("N-CREATE", r.sopInstanceUid(), decode(r)));
                created.add(r.sopInstanceUid());
                return NResult.of(Status.SUCCESS, null);
            }

            @Override
            public NResult set(NRequest r) throws Exception {
                mpps.add(new MppsCall("N-SET", r.sopInstanceUid(), decode(r)));
                return NResult.of(created.contains(r.sopInstanceUid()) ? Status.SUCCESS : Status.NO_SUCH_SOP_INSTANCE,
                        null);
            }
        };
    }

    private static Attributes decode(NormalizedHandler.NRequest r) throws Exception {
        return DataSetReader.read(r.attributes().bytes(), TransferSyntax.forUid(r.attributes().transferSyntaxUid()));
    }

    @Override
    public void close() {
        server.close();
    }
}
