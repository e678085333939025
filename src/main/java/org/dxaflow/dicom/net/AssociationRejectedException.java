package org.dxaflow.dicom.net;

import java.io.IOException;
import org.dxaflow.dicom.net.pdu.AAssociateRj;

/** The peer answered our A-ASSOCIATE-RQ with A-ASSOCIATE-RJ. */
public final class AssociationRejectedException extends IOException {
    private final AAssociateRj rejection;

    public AssociationRejectedException(AAssociateRj rejection) {
        super(rejection.describe());
        this.rejection = rejection;
    }

    public AAssociateRj rejection() {
        return rejection;
    }
}
