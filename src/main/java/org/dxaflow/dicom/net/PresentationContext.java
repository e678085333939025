package org.dxaflow.dicom.net;

/** An accepted presentation context: what one PDV presentation context id means on this association. */
public record PresentationContext(int id, String abstractSyntax, String transferSyntax) {
}
