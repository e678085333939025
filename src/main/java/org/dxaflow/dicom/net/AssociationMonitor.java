package org.dxaflow.dicom.net;

import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.AAssociateRq;

/**
 * Observes a server's association lifecycle (audit trail, metrics, tests). Logging alone is not
 * enough for an integration engine: rejections and aborts must be countable and alertable.
 * Callbacks run on association threads and must be quick and must not throw.
 */
public interface AssociationMonitor {
    AssociationMonitor NONE = new AssociationMonitor() {
    };

    default void onAccepted(AssociationInfo info) {
    }

    default void onRejected(String remoteAddress, AAssociateRq request, AAssociateRj rejection) {
    }

    /** Malformed or unexpected PDU before establishment, answered with A-ABORT or a close. */
    default void onProtocolError(String remoteAddress, String message) {
    }

    /** An established association ended; cause null after orderly release. */
    default void onClosed(AssociationInfo info, Throwable cause) {
    }
}
