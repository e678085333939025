package org.dxaflow.dicom.net;

import org.dxaflow.dicom.net.pdu.Pdu;

/**
 * Decides what an incoming PDU means in a given state (PS3.8 table 9-10, receive events only).
 * Pure function so it is unit-testable against the standard's table without sockets.
 *
 * <p>The rule that matters for robustness: every PDU that is not explicitly expected in a state maps
 * to {@link Action#ABORT_UNEXPECTED} (AA-8 in PS3.8), so no illegal PDU goes unanswered.
 */
public final class StateMachine {

    public enum Action {
        /** P-DATA-TF in Sta6/Sta7 (AR-? / DT-2): hand to the DIMSE layer. */
        DELIVER_PDATA,
        /** A-RELEASE-RQ in Sta6 (AR-2): let operations finish, then answer A-RELEASE-RP. */
        RELEASE_REQUESTED,
        /** A-RELEASE-RQ in Sta7 (AR-8, collision): answer A-RELEASE-RP and keep waiting for ours. */
        RELEASE_COLLISION,
        /** A-RELEASE-RP in Sta7 (AR-3): release confirmed, close transport. */
        RELEASE_CONFIRMED,
        /** A-ABORT received (AA-3): close transport, report abort. */
        PEER_ABORTED,
        /** Anything after our A-ABORT / RJ / RP while waiting for close (AA-6/AA-7): ignore. */
        IGNORE,
        /** Unexpected PDU (AA-8 / AA-1): send A-ABORT (provider, unexpected PDU) and close. */
        ABORT_UNEXPECTED
    }

    public Action onPdu(ProtocolState state, int pduType) {
        if (state == ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE) {
            return Action.IGNORE;
        }
        if (pduType == Pdu.TYPE_ABORT) {
            return Action.PEER_ABORTED;
        }
        switch (state) {
            case STA6_ESTABLISHED:
                if (pduType == Pdu.TYPE_P_DATA_TF) {
                    return Action.DELIVER_PDATA;
                }
                if (pduType == Pdu.TYPE_RELEASE_RQ) {
                    return Action.RELEASE_REQUESTED;
                }
                return Action.ABORT_UNEXPECTED;
            case STA7_AWAITING_RELEASE_RP:
                // PS3.8: P-DATA may still arrive after we sent A-RELEASE-RQ (responses in flight).
                if (pduType == Pdu.TYPE_P_DATA_TF) {
                    return Action.DELIVER_PDATA;
                }
                if (pduType == Pdu.TYPE_RELEASE_RP) {
                    return Action.RELEASE_CONFIRMED;
                }
                if (pduType == Pdu.TYPE_RELEASE_RQ) {
                    return Action.RELEASE_COLLISION;
                }
                return Action.ABORT_UNEXPECTED;
            default:
                // Sta8: the peer already asked to release and must wait for our RP; anything else
                // (and anything in handshake states, which are handled before the read loop) is illegal.
                return Action.ABORT_UNEXPECTED;
        }
    }
}
