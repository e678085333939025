package org.dxaflow.dicom.dimse;

/**
 * A typed DIMSE command. Records per message type keep the mandatory fields of PS3.7 explicit;
 * {@link OtherCommand} carries anything we do not model yet (C-GET, C-MOVE, N-GET, ...).
 */
public sealed interface DimseCommand permits DimseRequest, DimseResponse, CCancelRq, OtherCommand {

    int commandField();

    /**
     * @param dataSetPresent sets CommandDataSetType; the message, not the command, knows whether a
     *     data set follows
     */
    CommandSet toCommandSet(boolean dataSetPresent);

    /** Starts a builder with CommandField and CommandDataSetType set. */
    static CommandSet.Builder base(int commandField, boolean dataSetPresent) {
        return CommandSet.builder().us(CommandTags.COMMAND_FIELD, commandField)
                .us(CommandTags.COMMAND_DATA_SET_TYPE,
                        dataSetPresent ? CommandTags.DATA_SET_PRESENT : CommandTags.DATA_SET_ABSENT);
    }

    static String requireString(CommandSet cs, int tag, String message) throws DimseFormatException {
        return cs.string(tag).filter(s -> !s.isEmpty())
                .orElseThrow(() -> new DimseFormatException(message + ": missing " + CommandTags.hex(tag)));
    }

    static int requireUs(CommandSet cs, int tag, String message) throws DimseFormatException {
        int v = cs.us(tag, -1);
        if (v < 0) {
            throw new DimseFormatException(message + ": missing " + CommandTags.hex(tag));
        }
        return v;
    }

    /** PS3.7: Error Comment is LO, at most 64 characters. */
    static String errorComment(String comment) {
        return comment == null || comment.length() <= 64 ? comment : comment.substring(0, 64);
    }
}
