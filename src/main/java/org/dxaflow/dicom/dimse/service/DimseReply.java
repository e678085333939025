package org.dxaflow.dicom.dimse.service;

import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseCommand;

/** A response a provider returns: command plus optional data set (in the context's transfer syntax). */
public record DimseReply(DimseCommand command, DataSet dataSet) {
    public static DimseReply of(DimseCommand command) {
        return new DimseReply(command, null);
    }
}
