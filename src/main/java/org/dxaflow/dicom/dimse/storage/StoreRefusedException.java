package org.dxaflow.dicom.dimse.storage;

/**
 * A store handler's "no" with the reason the SCU should see: the C-STORE-RSP carries this status and
 * the comment as Error Comment (0000,0902), so a scanner learns what was wrong with what it sent.
 */
public final class StoreRefusedException extends Exception {
    /** Error Comment is LO: at most 64 characters (PS3.7 C.4.2.1.x, PS3.5 Table 6.2-1). */
    private static final int MAX_COMMENT = 64;

    private final int status;

    public StoreRefusedException(int status, String comment) {
        super(comment.length() <= MAX_COMMENT ? comment : comment.substring(0, MAX_COMMENT));
        this.status = status;
    }

    public int status() {
        return status;
    }
}
