package org.dxaflow.hl7;

/**
 * Why a message was not accepted, in the terms of HL7 table 0357 so the sender's interface engine
 * can act on it: the ACK code (AE application error, AR reject), the error code, where in the
 * message (ERR-2, {@code SEG^seq^field[^rep^comp]}) and a sentence for a person (ERR-8).
 */
public record IntakeError(String ackCode, int code, String location, String userMessage) {

    public static final int SEGMENT_SEQUENCE_ERROR = 100;
    public static final int REQUIRED_FIELD_MISSING = 101;
    public static final int DATA_TYPE_ERROR = 102;
    public static final int TABLE_VALUE_NOT_FOUND = 103;
    public static final int UNSUPPORTED_MESSAGE_TYPE = 200;
    public static final int UNSUPPORTED_EVENT_CODE = 201;
    public static final int UNSUPPORTED_VERSION = 203;
    public static final int APPLICATION_INTERNAL_ERROR = 207;

    public static IntakeError error(int code, String location, String userMessage) {
        return new IntakeError("AE", code, location, userMessage);
    }

    public static IntakeError reject(int code, String location, String userMessage) {
        return new IntakeError("AR", code, location, userMessage);
    }

    /** The HL7 table 0357 text for the code. */
    public String codeText() {
        return switch (code) {
            case SEGMENT_SEQUENCE_ERROR -> "Segment sequence error";
            case REQUIRED_FIELD_MISSING -> "Required field missing";
            case DATA_TYPE_ERROR -> "Data type error";
            case TABLE_VALUE_NOT_FOUND -> "Table value not found";
            case UNSUPPORTED_MESSAGE_TYPE -> "Unsupported message type";
            case UNSUPPORTED_EVENT_CODE -> "Unsupported event code";
            case UNSUPPORTED_VERSION -> "Unsupported version id";
            default -> "Application internal error";
        };
    }
}
