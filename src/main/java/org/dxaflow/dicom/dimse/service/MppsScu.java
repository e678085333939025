package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import java.util.List;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.DimseRequest;
import org.dxaflow.dicom.dimse.DimseResponse;
import org.dxaflow.dicom.dimse.NCreateRq;
import org.dxaflow.dicom.dimse.NCreateRsp;
import org.dxaflow.dicom.dimse.NSetRq;
import org.dxaflow.dicom.dimse.NSetRsp;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.net.AssociationAbortedException;
import org.dxaflow.dicom.net.AssociationRequestor;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;

/**
 * Modality Performed Procedure Step SCU (PS3.4 F.7, SOP class 1.2.840.10008.3.1.2.3.3): N-CREATE
 * and N-SET, each on its own association as modalities usually do (the two are minutes apart).
 * What goes into the attribute lists is {@code org.dxaflow.dicom.modality.MppsAttributes}'s job.
 */
public final class MppsScu {

    /**
     * @param status the response status (success or a warning such as 0x0107 / 0x0116)
     * @param sopInstanceUid the MPPS instance: ours, or the one the SCP assigned in N-CREATE-RSP
     * @param attributes the attribute list the SCP returned, null if none
     */
    public record Result(int status, String sopInstanceUid, String errorComment, Attributes attributes) {
    }

    private static final int CONTEXT_ID = 1;
    private final AssociationRequestor requestor;

    public MppsScu(RequestorConfig config) {
        this.requestor = new AssociationRequestor(config);
    }

    /**
     * N-CREATE. PS3.4 F.7.2.1 lets either side assign the instance UID; modalities normally do,
     * so that a lost response can be retried without creating a second step.
     *
     * @param sopInstanceUid our UID for the step, or null to let the SCP assign one
     * @throws DimseStatusException the SCP answered with a failure status
     */
    public Result create(RemoteAe peer, String sopInstanceUid, Attributes attributes) throws IOException {
        return invoke(peer, "N-CREATE", messageId -> new NCreateRq(messageId,
                SopClass.MODALITY_PERFORMED_PROCEDURE_STEP, sopInstanceUid), attributes, sopInstanceUid);
    }

    /**
     * N-SET of the modification list (PS3.4 F.7.2.2), e.g. status COMPLETED with the performed series.
     *
     * @throws DimseStatusException the SCP answered with a failure status (e.g. 0x0110 when the step
     *     is no longer IN PROGRESS, 0x0112 when it does not know the instance)
     */
    public Result set(RemoteAe peer, String sopInstanceUid, Attributes modifications) throws IOException {
        if (sopInstanceUid == null || sopInstanceUid.isEmpty()) {
            throw new IllegalArgumentException("N-SET needs the MPPS SOP instance UID");
        }
        return invoke(peer, "N-SET", messageId -> new NSetRq(messageId,
                SopClass.MODALITY_PERFORMED_PROCEDURE_STEP, sopInstanceUid), modifications, sopInstanceUid);
    }

    private interface RequestFactory {
        DimseRequest create(int messageId);
    }

    private Result invoke(RemoteAe peer, String operation, RequestFactory factory, Attributes attributes,
                          String requestedUid) throws IOException {
        List<PresentationContextRq> contexts = List.of(new PresentationContextRq(CONTEXT_ID,
                SopClass.MODALITY_PERFORMED_PROCEDURE_STEP,
                List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN, Uids.IMPLICIT_VR_LITTLE_ENDIAN)));
        DimseClient client = DimseClient.open(requestor, peer.host(), peer.port(), peer.aeTitle(), contexts);
        try {
            PresentationContext pc = client.requireContext(SopClass.MODALITY_PERFORMED_PROCEDURE_STEP, null);
            TransferSyntax ts = TransferSyntax.forUid(pc.transferSyntax());
            DimseMessage m = client.invoke(pc.id(), factory.create(client.nextMessageId()),
                    new DataSet(DataSetWriter.encode(attributes, ts), pc.transferSyntax()))
                    .awaitFinal(client.dimseTimeout());
            Result result = toResult(operation, m, requestedUid, ts);
            client.release();
            return result;
        } catch (IOException | RuntimeException e) {
            client.abort();
            throw e;
        }
    }

    private static Result toResult(String operation, DimseMessage m, String requestedUid, TransferSyntax ts)
            throws IOException {
        String affected;
        if (m.command() instanceof NCreateRsp r && operation.equals("N-CREATE")) {
            affected = r.affectedSopInstanceUid();
        } else if (m.command() instanceof NSetRsp r && operation.equals("N-SET")) {
            affected = r.affectedSopInstanceUid();
        } else {
            throw new AssociationAbortedException("unexpected answer to " + operation + "-RQ: " + m.command());
        }
        DimseResponse rsp = (DimseResponse) m.command();
        if (!Status.isSuccessOrWarning(rsp.status())) {
            throw new DimseStatusException(operation, rsp.status(), rsp.errorComment());
        }
        String uid = affected != null ? affected : requestedUid;
        if (uid == null) {
            // PS3.7 10.3.5.2: the Affected SOP Instance UID is mandatory in N-CREATE-RSP when the SCP assigned it.
            throw new AssociationAbortedException(operation + "-RSP without the SOP instance UID the SCP assigned");
        }
        Attributes returned = m.dataSet() == null ? null : DataSetReader.read(m.dataSet().bytes(), ts);
        return new Result(rsp.status(), uid, rsp.errorComment(), returned);
    }
}
