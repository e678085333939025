package org.dxaflow.dicom.dimse.storage;

import org.dxaflow.dicom.dimse.DataSet;

/**
 * One received C-STORE, as handed to a {@link StoreHandler}.
 *
 * @param dataSet the data set bytes exactly as received, in {@code dataSet.transferSyntaxUid()}
 */
public record StoreRequest(String callingAeTitle, String calledAeTitle, String remoteAddress,
                           String sopClassUid, String sopInstanceUid, DataSet dataSet) {
    public String transferSyntaxUid() {
        return dataSet.transferSyntaxUid();
    }
}
