package org.dxaflow.dicom.dimse;

/** C-CANCEL-RQ (PS3.7 9.3.2.3 / E.1): no MessageID of its own, no response. */
public record CCancelRq(int messageIdBeingRespondedTo) implements DimseCommand {
    @Override
    public int commandField() {
        return CommandField.C_CANCEL_RQ;
    }

    @Override
    public CommandSet toCommandSet(boolean dataSetPresent) {
        return DimseCommand.base(commandField(), false)
                .us(CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, messageIdBeingRespondedTo).build();
    }

    static CCancelRq from(CommandSet cs) throws DimseFormatException {
        return new CCancelRq(DimseCommand.requireUs(cs, CommandTags.MESSAGE_ID_BEING_RESPONDED_TO, "C-CANCEL-RQ"));
    }
}
