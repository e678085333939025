package org.dxaflow.dicom.net.pdu;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes PDUs to a transport stream. Thread-safe: the DIMSE dispatcher (sending responses) and the
 * read loop (sending A-ABORT or A-RELEASE-RP) may write concurrently, and PDUs must never interleave.
 */
public final class PduWriter {
    private final OutputStream out;
    private final PduEncoder encoder = new PduEncoder();

    public PduWriter(OutputStream out) {
        this.out = out;
    }

    public synchronized void write(Pdu pdu) throws IOException {
        out.write(encoder.encode(pdu));
        out.flush();
    }
}
