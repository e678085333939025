package org.dxaflow.dicom.net.pdu;

/** A-ASSOCIATE-RJ PDU (PS3.8 9.3.4, table 9-21 for result/source/reason values). */
public record AAssociateRj(int result, int source, int reason) implements Pdu {
    public static final int RESULT_PERMANENT = 1;
    public static final int RESULT_TRANSIENT = 2;

    /** DICOM UL service-user. */
    public static final int SOURCE_SERVICE_USER = 1;
    /** DICOM UL service-provider (ACSE related function). */
    public static final int SOURCE_SERVICE_PROVIDER_ACSE = 2;
    /** DICOM UL service-provider (presentation related function). */
    public static final int SOURCE_SERVICE_PROVIDER_PRESENTATION = 3;

    // source 1 reasons
    public static final int REASON_NO_REASON_GIVEN = 1;
    public static final int REASON_APPLICATION_CONTEXT_NOT_SUPPORTED = 2;
    public static final int REASON_CALLING_AE_NOT_RECOGNIZED = 3;
    public static final int REASON_CALLED_AE_NOT_RECOGNIZED = 7;
    // source 2 reasons
    public static final int REASON_ACSE_NO_REASON_GIVEN = 1;
    public static final int REASON_PROTOCOL_VERSION_NOT_SUPPORTED = 2;
    // source 3 reasons
    public static final int REASON_TEMPORARY_CONGESTION = 1;
    public static final int REASON_LOCAL_LIMIT_EXCEEDED = 2;

    @Override
    public int type() {
        return TYPE_ASSOCIATE_RJ;
    }

    public String describe() {
        String res = result == RESULT_PERMANENT ? "permanent" : result == RESULT_TRANSIENT ? "transient"
                : "result " + result;
        return "A-ASSOCIATE-RJ " + res + ", source " + source + ", reason " + reason
                + " (" + reasonText() + ")";
    }

    private String reasonText() {
        return switch (source) {
            case SOURCE_SERVICE_USER -> switch (reason) {
                case 1 -> "no reason given";
                case 2 -> "application context name not supported";
                case 3 -> "calling AE title not recognized";
                case 7 -> "called AE title not recognized";
                default -> "reserved";
            };
            case SOURCE_SERVICE_PROVIDER_ACSE -> reason == 2 ? "protocol version not supported"
                    : "no reason given";
            case SOURCE_SERVICE_PROVIDER_PRESENTATION -> reason == 1 ? "temporary congestion"
                    : reason == 2 ? "local limit exceeded" : "reserved";
            default -> "unknown source";
        };
    }
}
