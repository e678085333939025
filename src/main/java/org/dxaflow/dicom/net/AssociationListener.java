package org.dxaflow.dicom.net;

import org.dxaflow.dicom.net.pdu.PDataTf;
import org.dxaflow.dicom.net.pdu.PduFormatException;

/**
 * The upper-layer user of an established association (the DIMSE layer). Callbacks arrive on the
 * association's read thread; {@link #onPData} must not block for long, or C-CANCEL and A-ABORT
 * could not be observed while an operation runs.
 */
public interface AssociationListener {

    /**
     * @throws PduFormatException the P-DATA content violates PS3.7/PS3.8 (bad fragment sequence,
     *     undecodable command set); the association answers with A-ABORT
     */
    void onPData(PDataTf pdata) throws PduFormatException;

    /** True while operations are in progress, so idle timeouts do not abort a slow handler. */
    default boolean hasOutstandingOperations() {
        return false;
    }

    /**
     * The peer asked to release. Called before A-RELEASE-RP is sent, so the listener can let
     * in-flight operations finish and send their responses first.
     */
    default void onReleaseRequested() {
    }

    /**
     * The association is over. {@code cause} is null after an orderly release, otherwise says why
     * (peer abort, our abort, transport error).
     */
    default void onClosed(Throwable cause) {
    }
}
