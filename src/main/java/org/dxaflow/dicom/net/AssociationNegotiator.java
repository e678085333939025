package org.dxaflow.dicom.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.dxaflow.dicom.net.pdu.AAssociateAc;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.AAssociateRq;
import org.dxaflow.dicom.net.pdu.PresentationContextAc;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.dicom.net.pdu.Pdu;
import org.dxaflow.dicom.net.pdu.UserInformation;

/**
 * Acceptor-side negotiation: turns an A-ASSOCIATE-RQ into either an A-ASSOCIATE-AC or -RJ.
 * No I/O, so every rule is unit-testable.
 */
public final class AssociationNegotiator {
    private final AcceptorConfig config;
    private final AcceptorServices services;

    public AssociationNegotiator(AcceptorConfig config, AcceptorServices services) {
        this.config = config;
        this.services = services;
    }

    /** @return {@link AAssociateAc} or {@link AAssociateRj} */
    public Pdu negotiate(AAssociateRq rq) {
        if ((rq.protocolVersion() & 0x0001) == 0) {
            // PS3.8 9.3.2: bit 0 identifies version 1; we speak nothing else.
            return new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_PROVIDER_ACSE,
                    AAssociateRj.REASON_PROTOCOL_VERSION_NOT_SUPPORTED);
        }
        if (!Uids.APPLICATION_CONTEXT.equals(rq.applicationContextName())) {
            return userReject(AAssociateRj.REASON_APPLICATION_CONTEXT_NOT_SUPPORTED);
        }
        if (!config.aeTitle().equals(rq.calledAeTitle())) {
            return userReject(AAssociateRj.REASON_CALLED_AE_NOT_RECOGNIZED);
        }
        if (!config.allowedCallingAeTitles().isEmpty()
                && !config.allowedCallingAeTitles().contains(rq.callingAeTitle())) {
            return userReject(AAssociateRj.REASON_CALLING_AE_NOT_RECOGNIZED);
        }
        List<PresentationContextAc> results = new ArrayList<>();
        Set<Integer> seenIds = new HashSet<>();
        for (PresentationContextRq pc : rq.presentationContexts()) {
            results.add(negotiateContext(pc, seenIds.add(pc.id())));
        }
        UserInformation ui = UserInformation.of(config.maxPduLength(), config.implementationClassUid(),
                config.implementationVersionName());
        return new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), Uids.APPLICATION_CONTEXT, results, ui);
    }

    private PresentationContextAc negotiateContext(PresentationContextRq pc, boolean firstWithThisId) {
        // For non-accepted contexts the TS field "is not significant" (PS3.8 9.3.3.2); echoing a
        // proposed one keeps strict peers that dislike an empty sub-item happy.
        String echo = pc.transferSyntaxes().get(0);
        if (!firstWithThisId) {
            return new PresentationContextAc(pc.id(), PresentationContextAc.RESULT_NO_REASON, echo);
        }
        List<String> supported = services.transferSyntaxesFor(pc.abstractSyntax());
        if (supported.isEmpty()) {
            return new PresentationContextAc(pc.id(), PresentationContextAc.RESULT_ABSTRACT_SYNTAX_NOT_SUPPORTED, echo);
        }
        // The proposer lists transfer syntaxes in its order of preference; honour that order.
        for (String ts : pc.transferSyntaxes()) {
            if (supported.contains(ts)) {
                return new PresentationContextAc(pc.id(), PresentationContextAc.RESULT_ACCEPTANCE, ts);
            }
        }
        return new PresentationContextAc(pc.id(), PresentationContextAc.RESULT_TRANSFER_SYNTAXES_NOT_SUPPORTED, echo);
    }

    private static AAssociateRj userReject(int reason) {
        return new AAssociateRj(AAssociateRj.RESULT_PERMANENT, AAssociateRj.SOURCE_SERVICE_USER, reason);
    }
}
