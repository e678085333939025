package org.dxaflow.dicom.dimse;

/**
 * DIMSE status codes: general ones from PS3.7 annex C, service-class-specific ones from PS3.4
 * (Storage B.2.3, Query/Retrieve C.4.1.1.4). Kept as ints because the status is a US on the wire
 * and class-specific ranges (0xA7xx, 0xCxxx) are open-ended.
 */
public final class Status {
    public static final int SUCCESS = 0x0000;
    public static final int PENDING = 0xFF00;
    /** C-FIND: matches are continuing, but one or more optional keys were not supported. */
    public static final int PENDING_WARNING = 0xFF01;
    public static final int CANCEL = 0xFE00;

    // PS3.7 C.4 warnings
    public static final int ATTRIBUTE_LIST_ERROR = 0x0107;
    public static final int ATTRIBUTE_VALUE_OUT_OF_RANGE = 0x0116;
    // PS3.4 B.2.3 storage warnings
    public static final int COERCION_OF_DATA_ELEMENTS = 0xB000;
    public static final int ELEMENTS_DISCARDED = 0xB006;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS_WARNING = 0xB007;

    // PS3.7 C.5 failures
    public static final int NO_SUCH_ATTRIBUTE = 0x0105;
    public static final int INVALID_ATTRIBUTE_VALUE = 0x0106;
    public static final int PROCESSING_FAILURE = 0x0110;
    public static final int DUPLICATE_SOP_INSTANCE = 0x0111;
    public static final int NO_SUCH_SOP_INSTANCE = 0x0112;
    public static final int NO_SUCH_EVENT_TYPE = 0x0113;
    public static final int NO_SUCH_ARGUMENT = 0x0114;
    public static final int INVALID_ARGUMENT_VALUE = 0x0115;
    public static final int INVALID_OBJECT_INSTANCE = 0x0117;
    public static final int NO_SUCH_SOP_CLASS = 0x0118;
    public static final int CLASS_INSTANCE_CONFLICT = 0x0119;
    public static final int MISSING_ATTRIBUTE = 0x0120;
    public static final int MISSING_ATTRIBUTE_VALUE = 0x0121;
    public static final int SOP_CLASS_NOT_SUPPORTED = 0x0122;
    public static final int NO_SUCH_ACTION = 0x0123;
    public static final int NOT_AUTHORIZED = 0x0124;
    public static final int DUPLICATE_INVOCATION = 0x0210;
    public static final int UNRECOGNIZED_OPERATION = 0x0211;
    public static final int MISTYPED_ARGUMENT = 0x0212;
    public static final int RESOURCE_LIMITATION = 0x0213;

    // PS3.4 B.2.3 / C.4.1.1.4 class-specific failures
    public static final int OUT_OF_RESOURCES = 0xA700;
    public static final int DATA_SET_DOES_NOT_MATCH_SOP_CLASS = 0xA900;
    public static final int CANNOT_UNDERSTAND = 0xC000;
    /** C-FIND/C-MOVE: identifier does not match SOP class (same code as for storage). */
    public static final int IDENTIFIER_DOES_NOT_MATCH_SOP_CLASS = 0xA900;

    public enum Category { SUCCESS, WARNING, FAILURE, CANCEL, PENDING }

    private Status() {
    }

    public static Category category(int status) {
        if (status == SUCCESS) {
            return Category.SUCCESS;
        }
        if (status == PENDING || status == PENDING_WARNING) {
            return Category.PENDING;
        }
        if (status == CANCEL) {
            return Category.CANCEL;
        }
        // PS3.7 C.4 / PS3.4: 0x0001, 0x0107, 0x0116 and 0xBxxx are warnings.
        if (status == 0x0001 || status == ATTRIBUTE_LIST_ERROR || status == ATTRIBUTE_VALUE_OUT_OF_RANGE
                || (status & 0xF000) == 0xB000) {
            return Category.WARNING;
        }
        return Category.FAILURE;
    }

    public static boolean isPending(int status) {
        return category(status) == Category.PENDING;
    }

    /** Success or warning: the operation took effect. */
    public static boolean isSuccessOrWarning(int status) {
        Category c = category(status);
        return c == Category.SUCCESS || c == Category.WARNING;
    }

    public static String hex(int status) {
        return String.format("0x%04X", status);
    }
}
