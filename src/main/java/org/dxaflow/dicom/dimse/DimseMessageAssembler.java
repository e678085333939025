package org.dxaflow.dicom.dimse;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.dicom.net.AssociationInfo;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.pdu.AAbort;
import org.dxaflow.dicom.net.pdu.PDataTf;
import org.dxaflow.dicom.net.pdu.PduFormatException;
import org.dxaflow.dicom.net.pdu.PresentationDataValue;

/**
 * Reassembles DIMSE messages from PDV fragments (PS3.7 6.3.1, PS3.8 annex E): all command
 * fragments, then (if CommandDataSetType says so) all data set fragments, on one accepted
 * presentation context. Any deviation is a protocol error the association answers with A-ABORT.
 *
 * <p>A data set larger than the maximum is not a protocol error: its fragments are counted and
 * dropped as they arrive (memory stays bounded by the maximum), and the completed message says how
 * long it was, so the service can answer it with a failure status and the association goes on.
 *
 * <p>Not thread-safe: used only by the association's read thread.
 */
public final class DimseMessageAssembler {
    private enum Phase { IDLE, COMMAND, DATA }

    private final AssociationInfo info;
    private final long maxDataSetLength;
    private final CommandSetCodec codec = new CommandSetCodec();
    private Phase phase = Phase.IDLE;
    private int contextId;
    private ByteArrayOutputStream commandBytes;
    private ByteArrayOutputStream dataBytes;
    /** Bytes of the current data set once it has exceeded the maximum; dataBytes is dropped then. */
    private long oversizedLength;
    private DimseCommand command;

    public DimseMessageAssembler(AssociationInfo info, long maxDataSetLength) {
        this.info = info;
        this.maxDataSetLength = maxDataSetLength;
    }

    /** @return messages completed by this P-DATA-TF (often zero or one) */
    public List<DimseMessage> accept(PDataTf pdata) throws PduFormatException {
        List<DimseMessage> done = new ArrayList<>(1);
        for (PresentationDataValue pdv : pdata.pdvs()) {
            DimseMessage m = accept(pdv);
            if (m != null) {
                done.add(m);
            }
        }
        return done;
    }

    /** True while a message is partially received (used for idle-timeout decisions). */
    public boolean inProgress() {
        return phase != Phase.IDLE;
    }

    private DimseMessage accept(PresentationDataValue pdv) throws PduFormatException {
        PresentationContext pc = info.context(pdv.presentationContextId()).orElseThrow(() ->
                error("PDV on presentation context " + pdv.presentationContextId() + " which was not accepted"));
        if (phase == Phase.IDLE) {
            if (!pdv.command()) {
                throw error("data set fragment without preceding command");
            }
            phase = Phase.COMMAND;
            contextId = pdv.presentationContextId();
            commandBytes = new ByteArrayOutputStream();
        } else if (pdv.presentationContextId() != contextId) {
            throw error("fragment on context " + pdv.presentationContextId() + " interleaved into message on "
                    + contextId);
        }
        if (phase == Phase.COMMAND) {
            if (!pdv.command()) {
                throw error("data set fragment before last command fragment");
            }
            if ((long) commandBytes.size() + pdv.data().length > CommandSetCodec.MAX_COMMAND_SET_LENGTH) {
                throw error("command set exceeds " + CommandSetCodec.MAX_COMMAND_SET_LENGTH + " bytes");
            }
            commandBytes.write(pdv.data(), 0, pdv.data().length);
            if (!pdv.last()) {
                return null;
            }
            CommandSet cs;
            try {
                cs = codec.decode(commandBytes.toByteArray());
                command = DimseCommands.parse(cs);
            } catch (DimseFormatException e) {
                throw error("undecodable command set: " + e.getMessage());
            }
            commandBytes = null;
            if (!cs.hasDataSet()) {
                return complete(new DimseMessage(contextId, command, null));
            }
            phase = Phase.DATA;
            dataBytes = new ByteArrayOutputStream();
            return null;
        }
        // Phase.DATA
        if (pdv.command()) {
            throw error("command fragment while data set fragments expected");
        }
        if (oversizedLength > 0) {
            oversizedLength += pdv.data().length;
        } else if ((long) dataBytes.size() + pdv.data().length > maxDataSetLength) {
            oversizedLength = (long) dataBytes.size() + pdv.data().length;
            dataBytes = null;
        } else {
            dataBytes.write(pdv.data(), 0, pdv.data().length);
        }
        if (!pdv.last()) {
            return null;
        }
        if (oversizedLength > 0) {
            DimseMessage m = new DimseMessage(contextId, command, null, oversizedLength);
            oversizedLength = 0;
            return complete(m);
        }
        DataSet ds = new DataSet(dataBytes.toByteArray(), pc.transferSyntax());
        dataBytes = null;
        return complete(new DimseMessage(contextId, command, ds));
    }

    private DimseMessage complete(DimseMessage m) {
        phase = Phase.IDLE;
        command = null;
        return m;
    }

    /** The largest data set kept; longer ones arrive as {@link DimseMessage#dataSetOversized()}. */
    public long maxDataSetLength() {
        return maxDataSetLength;
    }

    private static PduFormatException error(String message) {
        return new PduFormatException(AAbort.REASON_INVALID_PARAMETER_VALUE, message);
    }
}
