package org.dxaflow.dicom.dimse.service;

import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.net.AssociationInfo;

/**
 * N-CREATE / N-SET logic for a normalized SOP class such as Modality Performed Procedure Step
 * (PS3.4 annex F), plugged into {@link NormalizedScp}.
 */
public interface NormalizedHandler {

    /**
     * @param sopInstanceUid null when the SCU left it to us (then the result must carry one)
     * @param attributes the attribute list, null if none was sent
     */
    record NRequest(AssociationInfo association, String sopClassUid, String sopInstanceUid, DataSet attributes) {
    }

    /**
     * @param sopInstanceUid the affected instance (mandatory in N-CREATE-RSP when we assigned it)
     * @param attributes optional attribute list to return, null for none
     */
    record NResult(int status, String sopInstanceUid, DataSet attributes, String errorComment) {
        public static NResult of(int status, String sopInstanceUid) {
            return new NResult(status, sopInstanceUid, null, null);
        }
    }

    NResult create(NRequest request) throws Exception;

    NResult set(NRequest request) throws Exception;
}
