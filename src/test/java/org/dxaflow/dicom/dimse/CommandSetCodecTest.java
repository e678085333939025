package org.dxaflow.dicom.dimse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Command sets per PS3.7 6.3.1 / annex E: implicit VR little endian, group length first. */
class CommandSetCodecTest {
    private final CommandSetCodec codec = new CommandSetCodec();

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    /** C-ECHO-RQ written out by hand from PS3.7 table 9.3-12 and E.1-1. */
    private static final String ECHO_RQ =
            "0000 0000 04000000 38000000"                                   // (0000,0000) UL 56
            + "0000 0200 12000000 312e322e3834302e31303030382e312e3100"     // (0000,0002) UI, NUL-padded to 18
            + "0000 0001 02000000 3000"                                      // (0000,0100) US 0x0030
            + "0000 1001 02000000 0700"                                      // (0000,0110) US 7
            + "0000 0008 02000000 0101";                                     // (0000,0800) US 0x0101

    @Test
    void encodesCEchoRqExactlyAsTheStandardSays() {
        byte[] actual = codec.encode(new CEchoRq(7, "1.2.840.10008.1.1").toCommandSet(false));
        assertArrayEquals(hex(ECHO_RQ), actual);
    }

    @Test
    void decodesCEchoRq() throws Exception {
        CommandSet cs = codec.decode(hex(ECHO_RQ));
        assertEquals(new CEchoRq(7, "1.2.840.10008.1.1"), DimseCommands.parse(cs));
        assertEquals(false, cs.hasDataSet());
    }

    @Test
    void roundTripsAllModelledCommands() throws Exception {
        DimseCommand[] commands = {
            new CEchoRsp(1, "1.2.840.10008.1.1", Status.SUCCESS, null),
            new CStoreRq(2, "1.2.840.10008.5.1.4.1.1.7", "1.2.3.4", Priority.HIGH, "MOVER", 9),
            new CStoreRsp(2, "1.2.840.10008.5.1.4.1.1.7", "1.2.3.4", Status.OUT_OF_RESOURCES, "disk full"),
            new CFindRq(3, "1.2.840.10008.5.1.4.31", Priority.LOW),
            new CFindRsp(3, "1.2.840.10008.5.1.4.31", Status.PENDING, null),
            new CCancelRq(3),
            new NCreateRq(4, "1.2.840.10008.3.1.2.3.3", null),
            new NCreateRsp(4, "1.2.840.10008.3.1.2.3.3", "1.2.3.5", Status.SUCCESS, null),
            new NSetRq(5, "1.2.840.10008.3.1.2.3.3", "1.2.3.5"),
            new NSetRsp(5, "1.2.840.10008.3.1.2.3.3", "1.2.3.5", Status.NO_SUCH_SOP_INSTANCE, "x"),
        };
        for (DimseCommand c : commands) {
            boolean ds = c instanceof CStoreRq || c instanceof CFindRq;
            CommandSet cs = codec.decode(codec.encode(c.toCommandSet(ds)));
            assertEquals(c, DimseCommands.parse(cs), c.toString());
            assertEquals(ds, cs.hasDataSet());
        }
    }

    @Test
    void unknownAndExtraElementsSurvive() throws Exception {
        CommandSet cs = CommandSet.builder().us(CommandTags.COMMAND_FIELD, CommandField.C_MOVE_RQ)
                .us(CommandTags.MESSAGE_ID, 1).string(CommandTags.MOVE_DESTINATION, "DEST")
                .us(CommandTags.NUMBER_OF_REMAINING_SUBOPERATIONS, 3)
                .tags(CommandTags.ATTRIBUTE_IDENTIFIER_LIST, 0x00100010, 0x00100020)
                .raw(0x00004000, hex("01020304")).build();
        CommandSet back = codec.decode(codec.encode(cs));
        assertEquals(cs, back);
        assertInstanceOf(OtherCommand.class, DimseCommands.parse(back));
        // AE is space padded to even length, AT is group/element little endian pairs
        byte[] enc = codec.encode(CommandSet.builder().string(CommandTags.MOVE_DESTINATION, "ABC")
                .tags(CommandTags.OFFENDING_ELEMENT, 0x00100020).build());
        assertArrayEquals(hex("0000 0000 04000000 18000000 0000 0006 04000000 41424320"
                + "0000 0109 04000000 1000 2000"), enc);
    }

    @Test
    void rejectsMalformedCommandSets() {
        // element outside group 0000
        assertThrows(DimseFormatException.class, () -> codec.decode(hex("0800 1600 02000000 3100")));
        // descending order
        assertThrows(DimseFormatException.class, () -> codec.decode(hex("0000 1001 02000000 0100 0000 0001 02000000 3000")));
        // length beyond end
        assertThrows(DimseFormatException.class, () -> codec.decode(hex("0000 0001 ff000000 3000")));
        // US with length 4
        assertThrows(DimseFormatException.class, () -> codec.decode(hex("0000 0001 04000000 30000000")));
        // group length disagreeing with content
        assertThrows(DimseFormatException.class, () -> codec.decode(hex("0000 0000 04000000 20000000 0000 0001 02000000 3000")));
        // truncated header
        assertThrows(DimseFormatException.class, () -> codec.decode(hex("0000 00")));
        // missing mandatory field for the command type: C-STORE-RQ without SOP instance UID
        assertThrows(DimseFormatException.class, () -> DimseCommands.parse(CommandSet.builder()
                .us(CommandTags.COMMAND_FIELD, CommandField.C_STORE_RQ).us(CommandTags.MESSAGE_ID, 1)
                .string(CommandTags.AFFECTED_SOP_CLASS_UID, "1.2").build()));
    }

    @Test
    void statusCategoriesFollowPs37AnnexC() {
        assertEquals(Status.Category.SUCCESS, Status.category(0x0000));
        assertEquals(Status.Category.PENDING, Status.category(0xFF00));
        assertEquals(Status.Category.PENDING, Status.category(0xFF01));
        assertEquals(Status.Category.CANCEL, Status.category(0xFE00));
        assertEquals(Status.Category.WARNING, Status.category(0xB000));
        assertEquals(Status.Category.WARNING, Status.category(0x0107));
        assertEquals(Status.Category.FAILURE, Status.category(0xA700));
        assertEquals(Status.Category.FAILURE, Status.category(0xC000));
        assertEquals(Status.Category.FAILURE, Status.category(0x0110));
        assertEquals(Status.Category.FAILURE, Status.category(0x0122));
    }
}
