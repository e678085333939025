package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.CFindRq;
import org.dxaflow.dicom.dimse.CFindRsp;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.Priority;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.AssociationAbortedException;
import org.dxaflow.dicom.net.AssociationRequestor;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;

/**
 * Modality Worklist SCU (PS3.4 K.6.1.2, C-FIND on 1.2.840.10008.5.1.4.31): one association per
 * query. Connect, association and per-response timeouts come from the {@link RequestorConfig}.
 */
public final class WorklistScu {

    /**
     * @param items the matches received, at most the limit asked for
     * @param truncated true when the SCP had more matches than the limit (we sent C-CANCEL)
     */
    public record Matches(List<Attributes> items, boolean truncated) {
        public Matches {
            items = List.copyOf(items);
        }
    }

    private static final int CONTEXT_ID = 1;
    private final AssociationRequestor requestor;

    public WorklistScu(RequestorConfig config) {
        this.requestor = new AssociationRequestor(config);
    }

    /** All matches for the query keys (PS3.4 C.2.2.2 matching is the SCP's job). */
    public List<Attributes> find(RemoteAe peer, Attributes keys) throws IOException {
        return find(peer, keys, Integer.MAX_VALUE).items();
    }

    /**
     * Queries and stops early once more than {@code maxMatches} matches arrived: a scanner that
     * needs exactly one item should not pull a whole day's worklist to find out it got two.
     *
     * @throws DimseStatusException the SCP ended the query with a failure status
     * @throws IOException connection, association or timeout trouble
     */
    public Matches find(RemoteAe peer, Attributes keys, int maxMatches) throws IOException {
        if (maxMatches < 0) {
            throw new IllegalArgumentException("maxMatches < 0");
        }
        List<PresentationContextRq> contexts = List.of(new PresentationContextRq(CONTEXT_ID,
                SopClass.MODALITY_WORKLIST_FIND, List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN, Uids.IMPLICIT_VR_LITTLE_ENDIAN)));
        DimseClient client = DimseClient.open(requestor, peer.host(), peer.port(), peer.aeTitle(), contexts);
        try {
            Matches matches = query(client, keys, maxMatches);
            client.release();
            return matches;
        } catch (IOException | RuntimeException e) {
            client.abort();
            throw e;
        }
    }

    private static Matches query(DimseClient client, Attributes keys, int maxMatches) throws IOException {
        PresentationContext pc = client.requireContext(SopClass.MODALITY_WORKLIST_FIND, null);
        TransferSyntax ts = TransferSyntax.forUid(pc.transferSyntax());
        int messageId = client.nextMessageId();
        PendingRequest pending = client.invoke(pc.id(),
                new CFindRq(messageId, SopClass.MODALITY_WORKLIST_FIND, Priority.MEDIUM),
                new DataSet(DataSetWriter.encode(keys, ts), pc.transferSyntax()));
        List<Attributes> items = new ArrayList<>();
        boolean cancelled = false;
        boolean truncated = false;
        while (true) {
            DimseMessage m = pending.next(client.dimseTimeout());
            if (!(m.command() instanceof CFindRsp rsp)) {
                throw new AssociationAbortedException("answer to C-FIND-RQ is not a C-FIND-RSP: " + m.command());
            }
            if (Status.isPending(rsp.status())) {
                if (m.dataSet() == null) {
                    throw new AssociationAbortedException("pending C-FIND-RSP without identifier");
                }
                if (items.size() < maxMatches) {
                    items.add(DataSetReader.read(m.dataSet().bytes(), ts));
                } else {
                    truncated = true;
                    if (!cancelled) {
                        client.cancel(pc.id(), messageId);
                        cancelled = true;
                    }
                }
                continue;
            }
            // A Cancel status is only expected after our own C-CANCEL; anything else not success is a failure.
            if (rsp.status() != Status.SUCCESS && !(cancelled && rsp.status() == Status.CANCEL)) {
                throw new DimseStatusException("C-FIND", rsp.status(), rsp.errorComment());
            }
            return new Matches(items, truncated);
        }
    }
}
