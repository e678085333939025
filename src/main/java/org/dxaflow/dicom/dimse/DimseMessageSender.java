package org.dxaflow.dicom.dimse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.dicom.net.Association;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.pdu.PDataTf;
import org.dxaflow.dicom.net.pdu.PresentationDataValue;

/**
 * Splits DIMSE messages into PDVs that respect the peer's maximum PDU length and sends them.
 *
 * <p>One sender per association: its lock keeps the fragments of one message contiguous when
 * several threads send (e.g. a C-FIND provider streaming pending responses while another thread
 * sends a C-CANCEL), as PS3.7 requires.
 */
public final class DimseMessageSender {
    /** PDV item overhead inside P-DATA-TF: item length (4) + context id (1) + control header (1). */
    static final int PDV_OVERHEAD = 6;
    /** Fragment size when the peer declared "no limit" (0): keep PDUs bounded anyway. */
    static final int UNLIMITED_FRAGMENT = 1 << 20;

    private final Association association;
    private final CommandSetCodec codec = new CommandSetCodec();
    private final Object sendLock = new Object();

    public DimseMessageSender(Association association) {
        this.association = association;
    }

    public void send(DimseMessage message) throws IOException {
        PresentationContext pc = association.info().context(message.presentationContextId())
                .orElseThrow(() -> new IllegalArgumentException("presentation context "
                        + message.presentationContextId() + " not accepted"));
        if (message.dataSet() != null && !message.dataSet().transferSyntaxUid().equals(pc.transferSyntax())) {
            throw new IllegalArgumentException("data set in " + message.dataSet().transferSyntaxUid()
                    + " but context " + pc.id() + " negotiated " + pc.transferSyntax());
        }
        byte[] command = codec.encode(message.command().toCommandSet(message.dataSet() != null));
        int maxFragment = maxFragment(association.info().peerMaxPduLength());
        synchronized (sendLock) {
            for (PresentationDataValue pdv : fragment(pc.id(), command, true, maxFragment)) {
                association.send(new PDataTf(List.of(pdv)));
            }
            if (message.dataSet() != null) {
                for (PresentationDataValue pdv : fragment(pc.id(), message.dataSet().bytes(), false, maxFragment)) {
                    association.send(new PDataTf(List.of(pdv)));
                }
            }
        }
    }

    static int maxFragment(long peerMaxPduLength) {
        if (peerMaxPduLength == 0) {
            return UNLIMITED_FRAGMENT;
        }
        if (peerMaxPduLength <= PDV_OVERHEAD) {
            throw new IllegalStateException("peer maximum PDU length " + peerMaxPduLength + " leaves no room for data");
        }
        return (int) Math.min(UNLIMITED_FRAGMENT, peerMaxPduLength - PDV_OVERHEAD);
    }

    /** Splits into fragments of at most maxFragment bytes; an empty payload still yields one (last) PDV. */
    static List<PresentationDataValue> fragment(int pcId, byte[] bytes, boolean command, int maxFragment) {
        List<PresentationDataValue> out = new ArrayList<>();
        int offset = 0;
        do {
            int n = Math.min(maxFragment, bytes.length - offset);
            byte[] chunk = new byte[n];
            System.arraycopy(bytes, offset, chunk, 0, n);
            offset += n;
            out.add(new PresentationDataValue(pcId, command, offset >= bytes.length, chunk));
        } while (offset < bytes.length);
        return out;
    }
}
