package org.dxaflow.dicom.data;

/**
 * Value Representations of DICOM PS3.5 section 6.2 (Table 6.2-1).
 *
 * <p>Each constant knows what the encoder and decoder need: how the explicit VR header looks
 * (PS3.5 7.1.2: OB, OD, OF, OL, OV, OW, SQ, SV, UC, UN, UR, UT and UV use two reserved bytes and
 * a 32-bit length, every other VR a 16-bit length), which byte pads a value to even length
 * (PS3.5 6.2: NUL for UI and the binary VRs, SPACE for text), the kind of value, and for binary
 * numbers the size of one value.
 */
public enum VR {
    AE(Kind.ASCII_TEXT, false, 16),
    AS(Kind.ASCII_TEXT, false, 4),
    AT(Kind.BINARY_NUMBER, false, 4),
    CS(Kind.ASCII_TEXT, false, 16),
    DA(Kind.ASCII_TEXT, false, 8),
    DS(Kind.ASCII_TEXT, false, 16),
    DT(Kind.ASCII_TEXT, false, 26),
    FL(Kind.BINARY_NUMBER, false, 4),
    FD(Kind.BINARY_NUMBER, false, 8),
    IS(Kind.ASCII_TEXT, false, 12),
    LO(Kind.TEXT, false, 64),
    LT(Kind.SINGLE_TEXT, false, 10240),
    OB(Kind.BULK, true, 1),
    OD(Kind.BULK, true, 8),
    OF(Kind.BULK, true, 4),
    OL(Kind.BULK, true, 4),
    OV(Kind.BULK, true, 8),
    OW(Kind.BULK, true, 2),
    PN(Kind.TEXT, false, 64),
    SH(Kind.TEXT, false, 16),
    SL(Kind.BINARY_NUMBER, false, 4),
    SQ(Kind.SEQUENCE, true, 0),
    SS(Kind.BINARY_NUMBER, false, 2),
    ST(Kind.SINGLE_TEXT, false, 1024),
    SV(Kind.BINARY_NUMBER, true, 8),
    TM(Kind.ASCII_TEXT, false, 14),
    UC(Kind.TEXT, true, 0),
    UI(Kind.ASCII_TEXT, false, 64),
    UL(Kind.BINARY_NUMBER, false, 4),
    UN(Kind.BULK, true, 1),
    UR(Kind.SINGLE_ASCII_TEXT, true, 0),
    US(Kind.BINARY_NUMBER, false, 2),
    UT(Kind.SINGLE_TEXT, true, 0),
    UV(Kind.BINARY_NUMBER, true, 8);

    /** What a value of this VR is, which decides how it is decoded and padded. */
    public enum Kind {
        /** Default repertoire text, backslash separates values (AE AS CS DA DS DT IS TM UI). */
        ASCII_TEXT,
        /** Default repertoire, single value, backslash is data (UR). */
        SINGLE_ASCII_TEXT,
        /** Text in the Specific Character Set, backslash separates values (LO PN SH UC). */
        TEXT,
        /** Text in the Specific Character Set, single value, backslash is data (LT ST UT). */
        SINGLE_TEXT,
        /** Fixed size binary numbers in the transfer syntax byte order (AT FL FD SL SS SV UL US UV). */
        BINARY_NUMBER,
        /** Opaque bytes or words (OB OD OF OL OV OW UN). */
        BULK,
        /** Sequence of items (SQ). */
        SEQUENCE
    }

    private final Kind kind;
    private final boolean longHeader;
    private final int size;

    VR(Kind kind, boolean longHeader, int size) {
        this.kind = kind;
        this.longHeader = longHeader;
        this.size = size;
    }

    public Kind kind() {
        return kind;
    }

    /**
     * True when explicit VR encoding uses 2 reserved bytes and a 4 byte length (PS3.5 Table 7.1-1),
     * false when it uses a 2 byte length (Table 7.1-2).
     */
    public boolean hasLongHeader() {
        return longHeader;
    }

    /** Header size in bytes for this VR in Explicit VR: 12 or 8. */
    public int explicitHeaderLength() {
        return longHeader ? 12 : 8;
    }

    /**
     * Byte appended to make a value even length. PS3.5 6.2: UI is padded with NUL, the other text
     * VRs with SPACE, OB/UN with NUL. Binary numbers never need padding but NUL is harmless.
     */
    public byte paddingByte() {
        return switch (kind) {
            case ASCII_TEXT -> this == UI ? (byte) 0 : (byte) ' ';
            case SINGLE_ASCII_TEXT, TEXT, SINGLE_TEXT -> (byte) ' ';
            default -> (byte) 0;
        };
    }

    /** True for every text VR (values are characters, not binary numbers or bytes). */
    public boolean isText() {
        return kind == Kind.ASCII_TEXT || kind == Kind.SINGLE_ASCII_TEXT
                || kind == Kind.TEXT || kind == Kind.SINGLE_TEXT;
    }

    /** True for VRs whose text is encoded with the Specific Character Set (SH LO ST LT UC UT PN). */
    public boolean usesSpecificCharacterSet() {
        return kind == Kind.TEXT || kind == Kind.SINGLE_TEXT;
    }

    /** True when a backslash in the value separates multiple values (false for ST LT UT UR). */
    public boolean isMultiValuedText() {
        return kind == Kind.ASCII_TEXT || kind == Kind.TEXT;
    }

    /** True for fixed size binary numbers (AT FL FD SL SS SV UL US UV). */
    public boolean isBinaryNumber() {
        return kind == Kind.BINARY_NUMBER;
    }

    /** True for opaque binary VRs (OB OD OF OL OV OW UN). */
    public boolean isBulk() {
        return kind == Kind.BULK;
    }

    /**
     * For binary numbers and bulk VRs, the size in bytes of one value (AT is two 16 bit words read
     * as one 4 byte value; OB and UN are byte streams). 0 for text and SQ.
     */
    public int bytesPerValue() {
        return isBinaryNumber() || isBulk() ? size : 0;
    }

    /**
     * For text VRs, the maximum length of one value from PS3.5 Table 6.2-1 (in bytes for the
     * default repertoire VRs, characters for the others; PN: per component group). 0 means
     * effectively unlimited (UC, UR, UT). Only informational: readers must not reject longer values
     * because many devices exceed them.
     */
    public int maxValueLength() {
        return isText() ? size : 0;
    }

    /**
     * The VR with the given two character code, or null if it is not a PS3.5 VR. Used by the
     * explicit VR decoder, which must reject unknown codes rather than guess a header layout.
     */
    public static VR fromCode(int c0, int c1) {
        if (c0 < 'A' || c0 > 'Z' || c1 < 'A' || c1 > 'Z') {
            return null;
        }
        String code = new String(new char[] {(char) c0, (char) c1});
        for (VR vr : values()) {
            if (vr.name().equals(code)) {
                return vr;
            }
        }
        return null;
    }
}
