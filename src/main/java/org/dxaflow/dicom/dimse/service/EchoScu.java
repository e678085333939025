package org.dxaflow.dicom.dimse.service;

import java.io.IOException;
import java.util.List;
import org.dxaflow.dicom.net.AssociationRequestor;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;

/** Verification SCU: associate, C-ECHO, release. */
public final class EchoScu {
    private final AssociationRequestor requestor;

    public EchoScu(RequestorConfig config) {
        this.requestor = new AssociationRequestor(config);
    }

    /**
     * @return the C-ECHO-RSP status (0x0000 = success)
     * @throws IOException connection refused, rejection ({@code AssociationRejectedException}), abort,
     *     timeout, or no Verification context accepted
     */
    public int echo(String host, int port, String calledAeTitle) throws IOException {
        List<PresentationContextRq> contexts = List.of(new PresentationContextRq(1, Uids.VERIFICATION,
                List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN, Uids.IMPLICIT_VR_LITTLE_ENDIAN)));
        DimseClient client = DimseClient.open(requestor, host, port, calledAeTitle, contexts);
        try {
            int status = client.echo();
            client.release();
            return status;
        } catch (IOException | RuntimeException e) {
            client.abort();
            throw e;
        }
    }
}
