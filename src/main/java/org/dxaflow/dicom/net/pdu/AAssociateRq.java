package org.dxaflow.dicom.net.pdu;

import java.util.List;

/** A-ASSOCIATE-RQ PDU (PS3.8 9.3.2). */
public record AAssociateRq(int protocolVersion, String calledAeTitle, String callingAeTitle,
                           String applicationContextName,
                           List<PresentationContextRq> presentationContexts,
                           UserInformation userInformation) implements Pdu {
    public AAssociateRq {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public int type() {
        return TYPE_ASSOCIATE_RQ;
    }
}
