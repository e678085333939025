package org.dxaflow.dicom.dimse;

/**
 * A complete DIMSE message: command plus optional data set, on one presentation context.
 *
 * @param dataSet null when the command says no data set follows
 */
public record DimseMessage(int presentationContextId, DimseCommand command, DataSet dataSet) {
    public boolean hasDataSet() {
        return dataSet != null;
    }
}
