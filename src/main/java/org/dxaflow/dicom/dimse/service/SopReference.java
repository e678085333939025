package org.dxaflow.dicom.dimse.service;

import org.dxaflow.dicom.net.Uids;

/** One SOP instance by class and instance UID, as listed in a Referenced SOP Sequence (PS3.3 10.8). */
public record SopReference(String sopClassUid, String sopInstanceUid) {
    public SopReference {
        if (!Uids.isValidUid(sopClassUid) || !Uids.isValidUid(sopInstanceUid)) {
            throw new IllegalArgumentException("not a SOP class/instance UID pair: " + sopClassUid + " / "
                    + sopInstanceUid);
        }
    }
}
