package org.dxaflow.dicom.net.pdu;

import java.util.List;

/** Presentation context item (type 0x20) as proposed in an A-ASSOCIATE-RQ (PS3.8 9.3.2.2). */
public record PresentationContextRq(int id, String abstractSyntax, List<String> transferSyntaxes) {
    public PresentationContextRq {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("presentation context id out of range: " + id);
        }
        transferSyntaxes = List.copyOf(transferSyntaxes);
    }
}
