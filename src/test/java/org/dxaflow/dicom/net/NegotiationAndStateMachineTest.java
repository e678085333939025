package org.dxaflow.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dxaflow.dicom.net.StateMachine.Action;
import org.dxaflow.dicom.net.pdu.AAssociateAc;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.AAssociateRq;
import org.dxaflow.dicom.net.pdu.Pdu;
import org.dxaflow.dicom.net.pdu.PresentationContextAc;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.dicom.net.pdu.UserInformation;
import org.junit.jupiter.api.Test;

class NegotiationAndStateMachineTest {
    private static final String SC = "1.2.840.10008.5.1.4.1.1.7";
    private static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";
    private static final String CT = "1.2.840.10008.5.1.4.1.1.2";

    private final AcceptorServices services = new AcceptorServices() {
        @Override
        public List<String> transferSyntaxesFor(String abstractSyntaxUid) {
            return Map.of(Uids.VERIFICATION, List.of(Uids.IMPLICIT_VR_LITTLE_ENDIAN, Uids.EXPLICIT_VR_LITTLE_ENDIAN),
                    SC, List.of(Uids.IMPLICIT_VR_LITTLE_ENDIAN, Uids.EXPLICIT_VR_LITTLE_ENDIAN))
                    .getOrDefault(abstractSyntaxUid, List.of());
        }

        @Override
        public AssociationListener onEstablished(Association association) {
            throw new UnsupportedOperationException();
        }
    };

    private static AAssociateRq rq(String called, String calling, String appContext, int version,
                                   PresentationContextRq... pcs) {
        return new AAssociateRq(version, called, calling, appContext, List.of(pcs),
                UserInformation.of(16384, "1.2.3", null));
    }

    private Pdu negotiate(AcceptorConfig config, AAssociateRq rq) {
        return new AssociationNegotiator(config, services).negotiate(rq);
    }

    @Test
    void presentationContextResults() {
        AAssociateRq rq = rq("OURAE", "SCU", Uids.APPLICATION_CONTEXT, 1,
                new PresentationContextRq(1, SC, List.of(JPEG_BASELINE, Uids.EXPLICIT_VR_LITTLE_ENDIAN,
                        Uids.IMPLICIT_VR_LITTLE_ENDIAN)),
                new PresentationContextRq(3, CT, List.of(Uids.IMPLICIT_VR_LITTLE_ENDIAN)),
                new PresentationContextRq(5, SC, List.of(JPEG_BASELINE)),
                new PresentationContextRq(5, Uids.VERIFICATION, List.of(Uids.IMPLICIT_VR_LITTLE_ENDIAN)));
        AAssociateAc ac = assertInstanceOf(AAssociateAc.class, negotiate(AcceptorConfig.defaults("OURAE"), rq));
        // first proposed TS that we support wins (proposer's preference order)
        assertEquals(new PresentationContextAc(1, 0, Uids.EXPLICIT_VR_LITTLE_ENDIAN), ac.presentationContexts().get(0));
        assertEquals(3, ac.presentationContexts().get(1).result(), "abstract syntax not supported");
        assertEquals(4, ac.presentationContexts().get(2).result(), "transfer syntaxes not supported");
        assertEquals(2, ac.presentationContexts().get(3).result(), "duplicate id: no reason");
        assertEquals(16384, ac.userInformation().maxPduLength());
        assertEquals(Uids.DEFAULT_IMPLEMENTATION_CLASS_UID, ac.userInformation().implementationClassUid());
    }

    @Test
    void rejectionReasonsFromPs38Table921() {
        PresentationContextRq echo = new PresentationContextRq(1, Uids.VERIFICATION,
                List.of(Uids.IMPLICIT_VR_LITTLE_ENDIAN));
        AcceptorConfig cfg = AcceptorConfig.defaults("OURAE").withAllowedCallingAeTitles(Set.of("GOOD"));
        assertEquals(new AAssociateRj(1, 1, 7), negotiate(cfg, rq("OTHER", "GOOD", Uids.APPLICATION_CONTEXT, 1, echo)));
        assertEquals(new AAssociateRj(1, 1, 3), negotiate(cfg, rq("OURAE", "BAD", Uids.APPLICATION_CONTEXT, 1, echo)));
        assertEquals(new AAssociateRj(1, 1, 2), negotiate(cfg, rq("OURAE", "GOOD", "1.2.3.4", 1, echo)));
        assertEquals(new AAssociateRj(1, 2, 2), negotiate(cfg, rq("OURAE", "GOOD", Uids.APPLICATION_CONTEXT, 2, echo)));
        assertInstanceOf(AAssociateAc.class, negotiate(cfg, rq("OURAE", "GOOD", Uids.APPLICATION_CONTEXT, 1, echo)));
    }

    @Test
    void stateMachineAnswersEveryUnexpectedPduWithAbort() {
        StateMachine sm = new StateMachine();
        int[] all = {Pdu.TYPE_ASSOCIATE_RQ, Pdu.TYPE_ASSOCIATE_AC, Pdu.TYPE_ASSOCIATE_RJ, Pdu.TYPE_P_DATA_TF,
            Pdu.TYPE_RELEASE_RQ, Pdu.TYPE_RELEASE_RP, Pdu.TYPE_ABORT};
        // PS3.8 table 9-10, Sta6
        Map<Integer, Action> sta6 = Map.of(Pdu.TYPE_P_DATA_TF, Action.DELIVER_PDATA,
                Pdu.TYPE_RELEASE_RQ, Action.RELEASE_REQUESTED, Pdu.TYPE_ABORT, Action.PEER_ABORTED);
        Map<Integer, Action> sta7 = Map.of(Pdu.TYPE_P_DATA_TF, Action.DELIVER_PDATA,
                Pdu.TYPE_RELEASE_RQ, Action.RELEASE_COLLISION, Pdu.TYPE_RELEASE_RP, Action.RELEASE_CONFIRMED,
                Pdu.TYPE_ABORT, Action.PEER_ABORTED);
        for (int type : all) {
            assertEquals(sta6.getOrDefault(type, Action.ABORT_UNEXPECTED),
                    sm.onPdu(ProtocolState.STA6_ESTABLISHED, type), "Sta6 type " + type);
            assertEquals(sta7.getOrDefault(type, Action.ABORT_UNEXPECTED),
                    sm.onPdu(ProtocolState.STA7_AWAITING_RELEASE_RP, type), "Sta7 type " + type);
            assertEquals(type == Pdu.TYPE_ABORT ? Action.PEER_ABORTED : Action.ABORT_UNEXPECTED,
                    sm.onPdu(ProtocolState.STA8_AWAITING_LOCAL_RELEASE_RESPONSE, type), "Sta8 type " + type);
            assertEquals(Action.IGNORE, sm.onPdu(ProtocolState.STA13_AWAITING_TRANSPORT_CLOSE, type));
        }
    }
}
