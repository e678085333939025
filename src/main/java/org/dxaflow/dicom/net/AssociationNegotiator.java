package org.dxaflow.dicom.net;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dxaflow.dicom.net.pdu.AAssociateAc;
import org.dxaflow.dicom.net.pdu.AAssociateRj;
import org.dxaflow.dicom.net.pdu.AAssociateRq;
import org.dxaflow.dicom.net.pdu.PresentationContextAc;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.dicom.net.pdu.Pdu;
import org.dxaflow.dicom.net.pdu.RoleSelection;
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
        Map<String, RoleSelection> roles = negotiateRoles(rq.userInformation().roleSelections());
        List<PresentationContextAc> results = new ArrayList<>();
        Set<Integer> seenIds = new HashSet<>();
        for (PresentationContextRq pc : rq.presentationContexts()) {
            PresentationContextAc ac = negotiateContext(pc, seenIds.add(pc.id()));
            RoleSelection role = roles.get(pc.abstractSyntax());
            if (ac.result() == PresentationContextAc.RESULT_ACCEPTANCE && role != null
                    && !role.scuRole() && !role.scpRole()) {
                // Every role the requestor proposed was refused: the context would carry no service
                // at all, so reject it (pynetdicom does the same) rather than accept it uselessly.
                ac = new PresentationContextAc(pc.id(), PresentationContextAc.RESULT_USER_REJECTION,
                        ac.transferSyntax());
            }
            results.add(ac);
        }
        UserInformation base = UserInformation.of(config.maxPduLength(), config.implementationClassUid(),
                config.implementationVersionName());
        UserInformation ui = new UserInformation(base.maxPduLength(), base.implementationClassUid(),
                base.implementationVersionName(), -1, -1, List.copyOf(roles.values()), List.of());
        return new AAssociateAc(1, rq.calledAeTitle(), rq.callingAeTitle(), Uids.APPLICATION_CONTEXT, results, ui);
    }

    /**
     * SCP/SCU Role Selection (PS3.7 D.3.3.4): one reply item per proposed SOP class. A role the
     * requestor proposed is accepted (1) only if our services allow it; a role it did not propose is
     * always answered 0, as the standard requires. Without a proposal the default roles apply
     * (requestor SCU, acceptor SCP) and no item is returned. Only the first item per SOP class
     * counts: the standard allows one.
     */
    private Map<String, RoleSelection> negotiateRoles(List<RoleSelection> proposed) {
        Map<String, RoleSelection> replies = new LinkedHashMap<>();
        for (RoleSelection p : proposed) {
            replies.putIfAbsent(p.sopClassUid(), new RoleSelection(p.sopClassUid(),
                    p.scuRole() && services.acceptsRequestorAsScu(p.sopClassUid()),
                    p.scpRole() && services.acceptsRequestorAsScp(p.sopClassUid())));
        }
        return replies;
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
