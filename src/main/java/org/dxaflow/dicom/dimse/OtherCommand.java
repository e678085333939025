package org.dxaflow.dicom.dimse;

/**
 * A command we do not model as a record (C-GET, C-MOVE, N-GET, N-DELETE, or garbage). Kept raw
 * so a provider can still answer it, typically with
 * {@link Status#UNRECOGNIZED_OPERATION}.
 */
public record OtherCommand(CommandSet commandSet) implements DimseCommand {
    @Override
    public int commandField() {
        return commandSet.commandField();
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return commandSet.toBuilder().us(CommandTags.COMMAND_DATA_SET_TYPE,
                dataSetPresent ? CommandTags.DATA_SET_PRESENT : CommandTags.DATA_SET_ABSENT).build();
    }
}
