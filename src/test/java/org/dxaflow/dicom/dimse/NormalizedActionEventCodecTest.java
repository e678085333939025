package org.dxaflow.dicom.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** N-ACTION and N-EVENT-REPORT command sets (PS3.7 10.3.4 / 10.3.1, annex E). */
class NormalizedActionEventCodecTest {
    private static final String SC = "1.2.840.10008.1.20.1";
    private static final String SC_INSTANCE = "1.2.840.10008.1.20.1.1";
    private final CommandSetCodec codec = new CommandSetCodec();

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /**
     * Storage Commitment's N-ACTION-RQ written out by hand from PS3.7 table 10.3-7 and E.1-1: implicit
     * VR little endian, ascending tags, both UIDs of even length so without padding.
     */
    private static final String N_ACTION_RQ =
            "0000 0000 04000000 62000000"                                             // group length 98
            + "0000 0300 14000000 312e322e3834302e31303030382e312e32302e31"           // (0000,0003) 20 chars
            + "0000 0001 02000000 3001"                                                // (0000,0100) 0x0130
            + "0000 1001 02000000 0500"                                                // (0000,0110) message 5
            + "0000 0008 02000000 0100"                                                // (0000,0800) data set follows
            + "0000 0110 16000000 312e322e3834302e31303030382e312e32302e312e31"       // (0000,1001) 22 chars
            + "0000 0810 02000000 0100";                                               // (0000,1008) action 1

    @Test
    void encodesStorageCommitmentNActionRqExactly() {
        assertArrayEquals(hex(N_ACTION_RQ), codec.encode(new NActionRq(5, SC, SC_INSTANCE, 1).toCommandSet(true)));
    }

    @Test
    void decodesNActionRq() throws Exception {
        CommandSet cs = codec.decode(hex(N_ACTION_RQ));
        assertEquals(new NActionRq(5, SC, SC_INSTANCE, 1), DimseCommands.parse(cs));
        assertTrue(cs.hasDataSet());
    }

    @Test
    void roundTripsTheFourMessages() throws Exception {
        DimseCommand[] commands = {
            new NActionRq(7, SC, SC_INSTANCE, 1),
            new NActionRsp(7, SC, SC_INSTANCE, 1, Status.SUCCESS, null),
            new NActionRsp(7, SC, SC_INSTANCE, null, Status.NO_SUCH_ACTION, "no"),
            new NEventReportRq(3, SC, SC_INSTANCE, 2),
            new NEventReportRsp(3, SC, SC_INSTANCE, 2, Status.SUCCESS, null),
            new NEventReportRsp(3, SC, SC_INSTANCE, null, Status.INVALID_ARGUMENT_VALUE, "unknown"),
        };
        for (DimseCommand c : commands) {
            boolean ds = c instanceof DimseRequest;
            CommandSet cs = codec.decode(codec.encode(c.toCommandSet(ds)));
            assertEquals(c, DimseCommands.parse(cs), c.toString());
            assertEquals(ds, cs.hasDataSet());
        }
    }

    @Test
    void eventReportCarriesItsFieldsUnderTheRightTags() throws Exception {
        CommandSet cs = new NEventReportRq(9, SC, SC_INSTANCE, 1).toCommandSet(true);
        assertEquals(CommandField.N_EVENT_REPORT_RQ, cs.commandField());
        assertEquals(SC, cs.string(CommandTags.AFFECTED_SOP_CLASS_UID).orElseThrow());
        assertEquals(SC_INSTANCE, cs.string(CommandTags.AFFECTED_SOP_INSTANCE_UID).orElseThrow());
        assertEquals(1, cs.us(CommandTags.EVENT_TYPE_ID, -1));
        assertEquals(9, cs.us(CommandTags.MESSAGE_ID, -1));
        CommandSet rsp = new NEventReportRsp(9, SC, SC_INSTANCE, 1, 0, null).toCommandSet(false);
        assertEquals(CommandField.N_EVENT_REPORT_RSP, rsp.commandField());
        assertEquals(9, rsp.us(CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, -1));
        assertEquals(SC_INSTANCE, rsp.string(CommandTags.AFFECTED_SOP_INSTANCE_UID).orElseThrow());
        assertEquals(CommandField.N_ACTION_RSP, new NActionRsp(1, SC, SC_INSTANCE, 1, 0, null)
                .toCommandSet(false).commandField());
    }

    @Test
    void missingMandatoryFieldsAreRejected() {
        CommandSet noAction = new NActionRq(5, SC, SC_INSTANCE, 1).toCommandSet(true).toBuilder()
                .remove(CommandTags.ACTION_TYPE_ID).build();
        assertThrows(DimseFormatException.class, () -> DimseCommands.parse(noAction));
        CommandSet noEvent = new NEventReportRq(5, SC, SC_INSTANCE, 1).toCommandSet(true).toBuilder()
                .remove(CommandTags.EVENT_TYPE_ID).build();
        assertThrows(DimseFormatException.class, () -> DimseCommands.parse(noEvent));
    }

    @Test
    void failureResponsesHaveTheRightType() {
        NActionRsp a = assertInstanceOf(NActionRsp.class, DimseCommands.failureResponse(
                new NActionRq(4, SC, SC_INSTANCE, 1), Status.NO_SUCH_ACTION, null));
        assertEquals(4, a.messageIdBeingRespondedTo());
        assertEquals(SC_INSTANCE, a.affectedSopInstanceUid());
        NEventReportRsp e = assertInstanceOf(NEventReportRsp.class, DimseCommands.failureResponse(
                new NEventReportRq(6, SC, SC_INSTANCE, 1), Status.PROCESSING_FAILURE, null));
        assertEquals(6, e.messageIdBeingRespondedTo());
        assertNull(e.eventTypeId());
    }
}
