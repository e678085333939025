package org.dxaflow.dicom.net.pdu;

/**
 * Presentation context item (type 0x21) in an A-ASSOCIATE-AC (PS3.8 9.3.3.2).
 *
 * @param result one of the RESULT_* constants (PS3.8 table 9-18)
 * @param transferSyntax the accepted transfer syntax; PS3.8 says it is not significant when the
 *     result is not acceptance, but the sub-item must still be present, so it may be empty
 */
public record PresentationContextAc(int id, int result, String transferSyntax) {
    public static final int RESULT_ACCEPTANCE = 0;
    public static final int RESULT_USER_REJECTION = 1;
    public static final int RESULT_NO_REASON = 2;
    public static final int RESULT_ABSTRACT_SYNTAX_NOT_SUPPORTED = 3;
    public static final int RESULT_TRANSFER_SYNTAXES_NOT_SUPPORTED = 4;

    public PresentationContextAc {
        if (id < 1 || id > 255) {
            throw new IllegalArgumentException("presentation context id out of range: " + id);
        }
        if (result < 0 || result > 4) {
            throw new IllegalArgumentException("presentation context result out of range: " + result);
        }
        transferSyntax = transferSyntax == null ? "" : transferSyntax;
    }

    public boolean accepted() {
        return result == RESULT_ACCEPTANCE;
    }
}
