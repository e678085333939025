package org.dxaflow.dicom.dimse;

/**
 * A complete DIMSE message: command plus optional data set, on one presentation context.
 *
 * @param dataSet null when the command says no data set follows, or when it was too large to keep
 * @param oversizedDataSetLength bytes of a data set that exceeded the receiver's maximum and were
 *     discarded as they arrived (0 when none were): the message is complete on the wire, so the
 *     receiver can refuse it with a status instead of aborting the association
 */
public record DimseMessage(int presentationContextId, DimseCommand command, DataSet dataSet,
                           long oversizedDataSetLength) {

    public DimseMessage(int presentationContextId, DimseCommand command, DataSet dataSet) {
        this(presentationContextId, command, dataSet, 0);
    }

    public boolean hasDataSet() {
        return dataSet != null;
    }

    public boolean dataSetOversized() {
        return oversizedDataSetLength > 0;
    }
}
