package org.dxaflow.dicom.dimse.service;

import java.io.IOException;

/** The association has no accepted presentation context for what we want to send. */
public final class NoPresentationContextException extends IOException {
    public NoPresentationContextException(String abstractSyntax, String transferSyntax) {
        super("no accepted presentation context for " + abstractSyntax
                + (transferSyntax == null ? "" : " in " + transferSyntax));
    }
}
