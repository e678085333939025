package org.dxaflow.dicom.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.dxaflow.dicom.net.AssociationInfo;
import org.dxaflow.dicom.net.AssociationMonitor;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.AAssociateRq;

/** Records server events for assertions. */
public final class RecordingMonitor implements AssociationMonitor {
    public final List<AAssociateRj> rejections = new CopyOnWriteArrayList<>();
    public final List<AssociationInfo> accepted = new CopyOnWriteArrayList<>();
    public final List<String> protocolErrors = new CopyOnWriteArrayList<>();
    public final List<Throwable> closeCauses = new CopyOnWriteArrayList<>();

    @Override
    public void onAccepted(AssociationInfo info) {
        accepted.add(info);
    }

    @Override
    public void onRejected(String remoteAddress, AAssociateRq request, AAssociateRj rejection) {
        rejections.add(rejection);
    }

    @Override
    public void onProtocolError(String remoteAddress, String message) {
        protocolErrors.add(message);
    }

    @Override
    public void onClosed(AssociationInfo info, Throwable cause) {
        closeCauses.add(cause == null ? new Throwable("released") : cause);
    }
}
