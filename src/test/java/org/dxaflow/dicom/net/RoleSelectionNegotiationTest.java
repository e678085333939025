package org.dxaflow.dicom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.List;
import org.dxaflow.dicom.net.pdu.AAssociateAc;
import org.dxaflow.dicom.net.pdu.AAssociateRq;
import org.dxaflow.dicom.net.pdu.PresentationContextAc;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.dicom.net.pdu.RoleSelection;
import org.dxaflow.dicom.net.pdu.UserInformation;
import org.junit.jupiter.api.Test;

/** SCP/SCU Role Selection as acceptor (PS3.7 D.3.3.4). */
class RoleSelectionNegotiationTest {
    private static final String COMMITMENT = "1.2.840.10008.1.20.1";
    private static final String SC_STORAGE = "1.2.840.10008.5.1.4.1.1.7";
    private static final List<String> TS = List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN);

    /** We serve storage (requestor is SCU) and receive commitment reports (requestor is SCP). */
    private final AcceptorServices services = new AcceptorServices() {
        @Override
        public List<String> transferSyntaxesFor(String abstractSyntaxUid) {
            return abstractSyntaxUid.equals(COMMITMENT) || abstractSyntaxUid.equals(SC_STORAGE) ? TS : List.of();
        }

        @Override
        public boolean acceptsRequestorAsScu(String sopClassUid) {
            return sopClassUid.equals(SC_STORAGE);
        }

        @Override
        public boolean acceptsRequestorAsScp(String sopClassUid) {
            return sopClassUid.equals(COMMITMENT);
        }

        @Override
        public AssociationListener onEstablished(Association association) {
            throw new UnsupportedOperationException();
        }
    };

    private AAssociateAc negotiate(List<RoleSelection> roles, PresentationContextRq... pcs) {
        UserInformation ui = new UserInformation(16384, "1.2.3", null, -1, -1, roles, List.of());
        AAssociateRq rq = new AAssociateRq(1, "OURAE", "PACS", Uids.APPLICATION_CONTEXT, List.of(pcs), ui);
        return assertInstanceOf(AAssociateAc.class,
                new AssociationNegotiator(AcceptorConfig.defaults("OURAE"), services).negotiate(rq));
    }

    @Test
    void commitmentScpOpeningTheAssociationGetsItsScpRole() {
        // What Orthanc (DCMTK, ASC_SC_ROLE_SCP) proposes when it reports a commitment result.
        AAssociateAc ac = negotiate(List.of(new RoleSelection(COMMITMENT, false, true)),
                new PresentationContextRq(1, COMMITMENT, TS));
        assertEquals(PresentationContextAc.RESULT_ACCEPTANCE, ac.presentationContexts().get(0).result());
        assertEquals(List.of(new RoleSelection(COMMITMENT, false, true)), ac.userInformation().roleSelections());
    }

    @Test
    void aRoleWeDoNotTakeIsRefusedAndAContextWithoutRolesRejected() {
        // Proposing to be the storage SCP (a C-GET style reversal) and SCU of commitment: both refused.
        AAssociateAc ac = negotiate(List.of(new RoleSelection(SC_STORAGE, false, true),
                        new RoleSelection(COMMITMENT, true, false)),
                new PresentationContextRq(1, SC_STORAGE, TS), new PresentationContextRq(3, COMMITMENT, TS));
        assertEquals(PresentationContextAc.RESULT_USER_REJECTION, ac.presentationContexts().get(0).result());
        assertEquals(PresentationContextAc.RESULT_USER_REJECTION, ac.presentationContexts().get(1).result());
        assertEquals(List.of(new RoleSelection(SC_STORAGE, false, false), new RoleSelection(COMMITMENT, false, false)),
                ac.userInformation().roleSelections());
    }

    @Test
    void bothRolesProposedOnlyTheSupportedOneIsAccepted() {
        AAssociateAc ac = negotiate(List.of(new RoleSelection(SC_STORAGE, true, true)),
                new PresentationContextRq(1, SC_STORAGE, TS));
        assertEquals(PresentationContextAc.RESULT_ACCEPTANCE, ac.presentationContexts().get(0).result());
        assertEquals(List.of(new RoleSelection(SC_STORAGE, true, false)), ac.userInformation().roleSelections());
    }

    @Test
    void withoutProposalTheDefaultRolesApplyAndNoItemIsReturned() {
        AAssociateAc ac = negotiate(List.of(), new PresentationContextRq(1, COMMITMENT, TS));
        assertEquals(PresentationContextAc.RESULT_ACCEPTANCE, ac.presentationContexts().get(0).result());
        assertEquals(List.of(), ac.userInformation().roleSelections());
    }
}
