package org.dxaflow.dicom.net;

import java.util.List;

/**
 * What the listening side offers, as seen by the upper layer: which abstract syntaxes in which
 * transfer syntaxes, and who consumes an established association. Implemented by the DIMSE service
 * registry, which keeps the network layer ignorant of DIMSE.
 */
public interface AcceptorServices {

    /**
     * Transfer syntaxes we accept for an abstract syntax, in our order of preference is irrelevant:
     * the proposer's order decides. Empty = abstract syntax not supported.
     */
    List<String> transferSyntaxesFor(String abstractSyntaxUid);

    /**
     * Whether the requestor may act as SCU of this SOP class, the default role (PS3.7 D.3.3.4):
     * answers an SCP/SCU Role Selection item that proposes it.
     */
    default boolean acceptsRequestorAsScu(String sopClassUid) {
        return !transferSyntaxesFor(sopClassUid).isEmpty();
    }

    /**
     * Whether the requestor may act as SCP of this SOP class, i.e. we are its SCU on an association
     * the peer opened (e.g. a Storage Commitment SCP sending its N-EVENT-REPORT back). Never by
     * default: it must be asked for explicitly.
     */
    default boolean acceptsRequestorAsScp(String sopClassUid) {
        return false;
    }

    /** Creates the upper-layer user for a freshly established association. */
    AssociationListener onEstablished(Association association);
}
