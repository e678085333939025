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

    /** Creates the upper-layer user for a freshly established association. */
    AssociationListener onEstablished(Association association);
}
