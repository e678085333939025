package org.dxaflow.dicom.net.pdu;

/** A-ABORT PDU (PS3.8 9.3.8, table 9-26). */
public record AAbort(int source, int reason) implements Pdu {
    public static final int SOURCE_SERVICE_USER = 0;
    public static final int SOURCE_SERVICE_PROVIDER = 2;

    // reasons, only meaningful when source = service provider
    public static final int REASON_NOT_SPECIFIED = 0;
    public static final int REASON_UNRECOGNIZED_PDU = 1;
    public static final int REASON_UNEXPECTED_PDU = 2;
    public static final int REASON_UNRECOGNIZED_PARAMETER = 4;
    public static final int REASON_UNEXPECTED_PARAMETER = 5;
    public static final int REASON_INVALID_PARAMETER_VALUE = 6;

    public static AAbort byUser() {
        return new AAbort(SOURCE_SERVICE_USER, REASON_NOT_SPECIFIED);
    }

    public static AAbort byProvider(int reason) {
        return new AAbort(SOURCE_SERVICE_PROVIDER, reason);
    }

    @Override
    public int type() {
        return TYPE_ABORT;
    }
}
