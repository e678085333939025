package org.dxaflow.dicom.dimse;

/**
 * Command set elements (group 0000) of PS3.7 annex E, with the VR each is encoded with. Tags are
 * (group << 16 | element); group is always 0000 so the int equals the element number.
 */
public final class CommandTags {
    public enum Vr { UL, US, UI, AE, LO, AT, UN }

    public static final int COMMAND_GROUP_LENGTH = 0x00000000;
    public static final int AFFECTED_SOP_CLASS_UID = 0x00000002;
    public static final int REQUESTED_SOP_CLASS_UID = 0x00000003;
    public static final int COMMAND_FIELD = 0x00000100;
    public static final int MESSAGE_ID = 0x00000110;
    public static final int MESSAGE_ID_BEING_RESPONDED_TO = 0x00000120;
    public static final int MOVE_DESTINATION = 0x00000600;
    public static final int PRIORITY = 0x00000700;
    public static final int COMMAND_DATA_SET_TYPE = 0x00000800;
    public static final int STATUS = 0x00000900;
    public static final int OFFENDING_ELEMENT = 0x00000901;
    public static final int ERROR_COMMENT = 0x00000902;
    public static final int ERROR_ID = 0x00000903;
    public static final int AFFECTED_SOP_INSTANCE_UID = 0x00001000;
    public static final int REQUESTED_SOP_INSTANCE_UID = 0x00001001;
    public static final int EVENT_TYPE_ID = 0x00001002;
    public static final int ATTRIBUTE_IDENTIFIER_LIST = 0x00001005;
    public static final int ACTION_TYPE_ID = 0x00001008;
    public static final int NUMBER_OF_REMAINING_SUBOPERATIONS = 0x00001020;
    public static final int NUMBER_OF_COMPLETED_SUBOPERATIONS = 0x00001021;
    public static final int NUMBER_OF_FAILED_SUBOPERATIONS = 0x00001022;
    public static final int NUMBER_OF_WARNING_SUBOPERATIONS = 0x00001023;
    public static final int MOVE_ORIGINATOR_AE_TITLE = 0x00001030;
    public static final int MOVE_ORIGINATOR_MESSAGE_ID = 0x00001031;

    /** CommandDataSetType value meaning "no data set" (PS3.7 E.1); any other value means present. */
    public static final int DATA_SET_ABSENT = 0x0101;
    /** Value we send when a data set follows (same as DCMTK and pynetdicom). */
    public static final int DATA_SET_PRESENT = 0x0001;

    private CommandTags() {
    }

    public static Vr vrOf(int tag) {
        return switch (tag) {
            case COMMAND_GROUP_LENGTH -> Vr.UL;
            case AFFECTED_SOP_CLASS_UID, REQUESTED_SOP_CLASS_UID, AFFECTED_SOP_INSTANCE_UID,
                    REQUESTED_SOP_INSTANCE_UID -> Vr.UI;
            case COMMAND_FIELD, MESSAGE_ID, MESSAGE_ID_BEING_RESPONDED_TO, PRIORITY, COMMAND_DATA_SET_TYPE, STATUS,
                    ERROR_ID, EVENT_TYPE_ID, ACTION_TYPE_ID, NUMBER_OF_REMAINING_SUBOPERATIONS,
                    NUMBER_OF_COMPLETED_SUBOPERATIONS, NUMBER_OF_FAILED_SUBOPERATIONS,
                    NUMBER_OF_WARNING_SUBOPERATIONS, MOVE_ORIGINATOR_MESSAGE_ID -> Vr.US;
            case MOVE_DESTINATION, MOVE_ORIGINATOR_AE_TITLE -> Vr.AE;
            case ERROR_COMMENT -> Vr.LO;
            case OFFENDING_ELEMENT, ATTRIBUTE_IDENTIFIER_LIST -> Vr.AT;
            default -> Vr.UN;
        };
    }

    public static String hex(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
