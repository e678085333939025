package org.dxaflow.dicom.net.pdu;

import java.util.List;

/**
 * A-ASSOCIATE-AC PDU (PS3.8 9.3.3). Called/calling AE fields are "reserved" in the AC but PS3.8
 * says they shall be sent with the RQ values, so we carry them.
 */
public record AAssociateAc(int protocolVersion, String calledAeTitle, String callingAeTitle,
                           String applicationContextName,
                           List<PresentationContextAc> presentationContexts,
                           UserInformation userInformation) implements Pdu {
    public AAssociateAc {
        presentationContexts = List.copyOf(presentationContexts);
    }

    @Override
    public int type() {
        return TYPE_ASSOCIATE_AC;
    }
}
