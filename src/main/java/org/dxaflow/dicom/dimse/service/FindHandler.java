package org.dxaflow.dicom.dimse.service;

import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.net.AssociationInfo;

/**
 * Query logic for a C-FIND SOP class (e.g. Modality Worklist), plugged into {@link FindScp}.
 * Implementations stream matches through the responder and should check
 * {@link FindResponder#isCancelled()} between matches.
 */
@FunctionalInterface
public interface FindHandler {

    /** @param identifier the query keys, in the negotiated transfer syntax */
    record FindRequest(AssociationInfo association, String sopClassUid, int priority, DataSet identifier) {
    }

    /** Sink for matches. */
    interface FindResponder {
        /** Sends one match as a pending response (0xFF00). */
        void match(DataSet identifier) throws java.io.IOException;

        /** Sends one match with pending-warning 0xFF01 (optional keys not supported). */
        void matchWithUnsupportedOptionalKeys(DataSet identifier) throws java.io.IOException;

        /** True after C-CANCEL-RQ (or association loss): stop and return. */
        boolean isCancelled();

        /** Wraps bytes in the negotiated transfer syntax. */
        DataSet dataSet(byte[] bytes);
    }

    /**
     * @return final status: {@code Status.SUCCESS} when all matches were sent, a failure status
     *     otherwise; if the request was cancelled, {@link FindScp} answers Cancel (0xFE00) regardless
     */
    int find(FindRequest request, FindResponder responder) throws Exception;
}
