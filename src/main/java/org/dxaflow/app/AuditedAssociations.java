package org.dxaflow.app;

import org.dxaflow.audit.AuditEvent;
import org.dxaflow.audit.AuditLog;
import org.dxaflow.dicom.net.AssociationInfo;
import org.dxaflow.dicom.net.AssociationMonitor;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.AAssociateRq;

import java.time.Clock;

/**
 * The DICOM listener's associations as the audit trail needs them: every A-ASSOCIATE-RJ (an AE
 * title not allowed, a host over its cap, nothing acceptable proposed) is recorded with the calling
 * AE title as the actor; everything is passed on to the monitor behind it (the metrics).
 */
final class AuditedAssociations implements AssociationMonitor {

    private final AssociationMonitor next;
    private final AuditLog audit;
    private final Clock clock;

    AuditedAssociations(AssociationMonitor next, AuditLog audit, Clock clock) {
        this.next = next;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void onAccepted(AssociationInfo info) {
        next.onAccepted(info);
    }

    @Override
    public void onRejected(String remoteAddress, AAssociateRq request, AAssociateRj rejection) {
        next.onRejected(remoteAddress, request, rejection);
        try {
            audit.record(new AuditEvent(clock.instant(), request.callingAeTitle(), "", remoteAddress,
                    "DICOM_ASSOCIATION_REJECTED", "ASSOCIATION", request.calledAeTitle(), null, AuditEvent.DENIED,
                    "A-ASSOCIATE-RJ result " + rejection.result() + " source " + rejection.source() + " reason "
                            + rejection.reason()));
        } catch (RuntimeException e) {
            // the monitor must not throw on the association's thread; the rejection itself stands
            org.slf4j.LoggerFactory.getLogger(AuditedAssociations.class)
                    .warn("association rejection not audited: {}", e.toString());
        }
    }

    @Override
    public void onProtocolError(String remoteAddress, String message) {
        next.onProtocolError(remoteAddress, message);
    }

    @Override
    public void onClosed(AssociationInfo info, Throwable cause) {
        next.onClosed(info, cause);
    }
}
