package org.dxaflow.app;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.dxaflow.dicom.data.Implementation;
import org.dxaflow.dicom.dimse.service.DimseAcceptorServices;
import org.dxaflow.dicom.dimse.service.FindScp;
import org.dxaflow.dicom.dimse.service.NormalizedScp;
import org.dxaflow.dicom.dimse.service.PendingCommitments;
import org.dxaflow.dicom.dimse.service.ServiceRegistry;
import org.dxaflow.dicom.dimse.service.StorageCommitmentResults;
import org.dxaflow.dicom.dimse.service.VerificationScp;
import org.dxaflow.dicom.dimse.storage.StorageScp;
import org.dxaflow.dicom.dimse.storage.StorageSopClasses;
import org.dxaflow.dicom.dimse.storage.StoreHandler;
import org.dxaflow.dicom.net.AcceptorConfig;
import org.dxaflow.dicom.net.AssociationMonitor;
import org.dxaflow.dicom.net.DicomServer;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.dimse.service.FindHandler;
import org.dxaflow.dicom.dimse.service.NormalizedHandler;

/**
 * The engine's DICOM application entity: Verification, Modality Worklist FIND, MPPS, Storage and
 * Storage Commitment results (as SCU, PS3.4 J.3.3) on one port, configured from {@code dxaflow.dicom.*}.
 */
public final class DicomListener implements AutoCloseable {

    /** Modality Worklist Information Model – FIND (PS3.4 K.4). */
    public static final String MWL_FIND = "1.2.840.10008.5.1.4.31";
    /** Modality Performed Procedure Step SOP Class (PS3.4 F.7). */
    public static final String MPPS = "1.2.840.10008.3.1.2.3.3";

    private final AcceptorConfig acceptor;
    private final ServiceRegistry registry;
    private final InetSocketAddress bind;
    private final PendingCommitments commitments;
    private final AssociationMonitor monitor;
    private DicomServer server;

    public DicomListener(DxaflowConfig config, FindHandler worklist, NormalizedHandler mpps, StoreHandler storage) {
        this(config, worklist, mpps, storage, new PendingCommitments());
    }

    /**
     * @param commitments Storage Commitment transactions a PACS sender waits on: the archive reports
     *     their results (N-EVENT-REPORT) by opening an association to this port, so the sender's
     *     {@code StorageCommitmentScu} must share this instance
     */
    public DicomListener(DxaflowConfig config, FindHandler worklist, NormalizedHandler mpps, StoreHandler storage,
                         PendingCommitments commitments) {
        this(config, worklist, mpps, storage, commitments, AssociationMonitor.NONE);
    }

    /** @param monitor told of every association (the engine's metrics); the library knows nothing of them */
    public DicomListener(DxaflowConfig config, FindHandler worklist, NormalizedHandler mpps, StoreHandler storage,
                         PendingCommitments commitments, AssociationMonitor monitor) {
        this.monitor = monitor;
        this.acceptor = acceptorConfig(config);
        this.commitments = commitments;
        ServiceRegistry.Builder builder = ServiceRegistry.builder()
                .register(Uids.VERIFICATION, new VerificationScp())
                .register(MWL_FIND, new FindScp(worklist))
                .register(MPPS, new NormalizedScp(mpps));
        new StorageScp(storage).registerWith(builder, storageClasses(config));
        new StorageCommitmentResults(commitments).registerWith(builder);
        this.registry = builder.build();
        this.bind = new InetSocketAddress(config.get("dxaflow.dicom.host", "0.0.0.0"),
                config.getInt(DxaflowConfig.DICOM_PORT));
    }

    static AcceptorConfig acceptorConfig(DxaflowConfig config) {
        Set<String> allowed = csv(config.get("dxaflow.dicom.allowed", "")).stream().collect(Collectors.toSet());
        return AcceptorConfig.defaults(config.get(DxaflowConfig.DICOM_AET))
                .withAllowedCallingAeTitles(allowed)
                .withMaxAssociations(config.getInt("dxaflow.dicom.max-associations", 20))
                .withMaxAssociationsPerAddress(config.getInt("dxaflow.dicom.max-associations-per-address", 10))
                .withMaxPduLength(config.getInt("dxaflow.dicom.max-pdu-length", 16384))
                .withTimeouts(Duration.ofSeconds(config.getInt("dxaflow.dicom.artim-seconds", 30)),
                        Duration.ofSeconds(config.getInt("dxaflow.dicom.idle-seconds", 300)))
                .withMaxDataSetLength(maxObjectBytes(config))
                .withImplementation(Implementation.CLASS_UID, Implementation.VERSION_NAME);
    }

    /** A scanner's objects are a few MB at most; a larger one is refused rather than held in memory. */
    static final long DEFAULT_MAX_OBJECT_BYTES = 64L << 20;

    private static long maxObjectBytes(DxaflowConfig config) {
        long max = config.getLong(DxaflowConfig.DICOM_MAX_OBJECT_BYTES, DEFAULT_MAX_OBJECT_BYTES);
        if (max < 1 || max > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("Configuration key " + DxaflowConfig.DICOM_MAX_OBJECT_BYTES
                    + " must be 1.." + (Integer.MAX_VALUE - 8) + " bytes, got " + max);
        }
        return max;
    }

    /** The default storage classes plus any a site adds with {@code dxaflow.dicom.storage.extra-sop-classes}. */
    static List<String> storageClasses(DxaflowConfig config) {
        Set<String> classes = new LinkedHashSet<>(StorageSopClasses.DEFAULTS);
        classes.addAll(csv(config.get("dxaflow.dicom.storage.extra-sop-classes", "")));
        return List.copyOf(classes);
    }

    private static List<String> csv(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    public void start() {
        try {
            server = DimseAcceptorServices.server(acceptor, registry, monitor).start(bind);
        } catch (IOException e) {
            throw Listeners.cannotListen(DxaflowConfig.DICOM_PORT, bind.getPort(), e.getMessage(), e);
        }
    }

    /** The Storage Commitment transactions whose reports this listener accepts. */
    public PendingCommitments commitments() {
        return commitments;
    }

    public boolean isAccepting() {
        return server != null && server.port() > 0;
    }

    public int port() {
        return server.port();
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
