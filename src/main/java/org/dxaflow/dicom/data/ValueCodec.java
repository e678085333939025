package org.dxaflow.dicom.data;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Converts between encoded element values (little endian bytes) and Java values, per VR.
 * Stateless; used by {@link Attributes}, the writer and {@link Dump}.
 */
final class ValueCodec {

    private static final String[] NO_STRINGS = new String[0];

    private ValueCodec() {
    }

    /**
     * Splits and trims text. Multi-valued VRs are split on '\' after decoding (splitting bytes
     * would break GBK, whose second bytes can be 0x5C). Padding is removed as PS3.5 6.2 allows:
     * leading and trailing spaces for most VRs, trailing only for ST, LT, UT and UR, plus NUL,
     * which UI uses as padding and some devices use everywhere.
     */
    static String[] decodeText(byte[] bytes, VR vr, SpecificCharacterSet cs) {
        if (bytes.length == 0) {
            return NO_STRINGS;
        }
        String text = vr.usesSpecificCharacterSet()
                ? cs.decode(bytes, 0, bytes.length)
                : new String(bytes, StandardCharsets.ISO_8859_1);
        if (!vr.isMultiValuedText()) {
            return new String[] {stripTrailing(text)};
        }
        String[] values = text.split("\\\\", -1);
        for (int i = 0; i < values.length; i++) {
            values[i] = stripTrailing(stripLeading(values[i]));
        }
        return values;
    }

    /** Joins, encodes and pads text values to even length with the VR's padding byte. */
    static byte[] encodeText(String[] values, VR vr, SpecificCharacterSet cs) {
        String joined = String.join("\\", values);
        byte[] raw;
        if (vr.usesSpecificCharacterSet()) {
            raw = cs.encode(joined);
        } else {
            raw = SpecificCharacterSet.DEFAULT.encode(joined);
        }
        return padToEven(raw, vr);
    }

    /** Checks values a text setter receives, so errors surface at the call, not at write time. */
    static String[] checkText(VR vr, String[] values) {
        if (!vr.isText()) {
            throw new IllegalArgumentException("not a text VR: " + vr);
        }
        if (!vr.isMultiValuedText() && values.length > 1) {
            throw new IllegalArgumentException(vr + " holds a single value, got " + values.length);
        }
        String[] copy = values.clone();
        for (int i = 0; i < copy.length; i++) {
            if (copy[i] == null) {
                copy[i] = "";
            }
            if (vr.isMultiValuedText() && copy[i].indexOf('\\') >= 0) {
                throw new IllegalArgumentException("'\\' separates values of " + vr
                        + "; pass values separately: " + copy[i]);
            }
        }
        return copy;
    }

    static byte[] padToEven(byte[] raw, VR vr) {
        if ((raw.length & 1) == 0) {
            return raw;
        }
        byte[] padded = Arrays.copyOf(raw, raw.length + 1);
        padded[raw.length] = vr.paddingByte();
        return padded;
    }

    /** Decodes US SS UL SL SV UV and AT values; UL and UV come back unsigned in a long. */
    static long[] decodeIntegers(byte[] bytes, VR vr) {
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int size = vr.bytesPerValue();
        long[] out = new long[bytes.length / size];
        for (int i = 0; i < out.length; i++) {
            out[i] = switch (vr) {
                case US -> bb.getShort() & 0xFFFFL;
                case SS -> bb.getShort();
                case UL -> bb.getInt() & 0xFFFFFFFFL;
                case SL -> bb.getInt();
                case AT -> ((bb.getShort() & 0xFFFFL) << 16) | (bb.getShort() & 0xFFFFL);
                case SV, UV -> bb.getLong();
                default -> throw new IllegalArgumentException("not an integer VR: " + vr);
            };
        }
        return out;
    }

    static double[] decodeFloats(byte[] bytes, VR vr) {
        ByteBuffer bb = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int size = vr == VR.FL || vr == VR.OF ? 4 : 8;
        double[] out = new double[bytes.length / size];
        for (int i = 0; i < out.length; i++) {
            out[i] = size == 4 ? bb.getFloat() : bb.getDouble();
        }
        return out;
    }

    /** Encodes integers for a binary VR, or as text for IS and DS. */
    static byte[] encodeIntegers(VR vr, long[] values) {
        if (vr == VR.IS || vr == VR.DS) {
            return encodeText(Arrays.stream(values).mapToObj(Long::toString).toArray(String[]::new),
                    vr, SpecificCharacterSet.DEFAULT);
        }
        if (vr == VR.FL || vr == VR.FD) {
            return encodeFloats(vr, Arrays.stream(values).asDoubleStream().toArray());
        }
        if (!vr.isBinaryNumber()) {
            throw new IllegalArgumentException("cannot store integers as " + vr);
        }
        ByteBuffer bb = ByteBuffer.allocate(values.length * vr.bytesPerValue()).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            switch (vr) {
                case US, SS -> bb.putShort((short) v);
                case UL, SL -> bb.putInt((int) v);
                case AT -> bb.putShort((short) (v >>> 16)).putShort((short) v);
                default -> bb.putLong(v);
            }
        }
        return bb.array();
    }

    /** Encodes floating point values for FL, FD, OF, OD, or as text for DS. */
    static byte[] encodeFloats(VR vr, double[] values) {
        if (vr == VR.DS) {
            return encodeText(Arrays.stream(values).mapToObj(ValueCodec::formatDS).toArray(String[]::new),
                    vr, SpecificCharacterSet.DEFAULT);
        }
        int size = switch (vr) {
            case FL, OF -> 4;
            case FD, OD -> 8;
            default -> throw new IllegalArgumentException("cannot store floating point values as " + vr);
        };
        ByteBuffer bb = ByteBuffer.allocate(values.length * size).order(ByteOrder.LITTLE_ENDIAN);
        for (double v : values) {
            if (size == 4) {
                bb.putFloat((float) v);
            } else {
                bb.putDouble(v);
            }
        }
        return bb.array();
    }

    /** Formats a number as a DS value, which PS3.5 limits to 16 bytes. */
    static String formatDS(double d) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            throw new IllegalArgumentException("DS cannot hold " + d);
        }
        String s = BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        for (int precision = 15; s.length() > 16 && precision > 0; precision--) {
            s = String.format(Locale.ROOT, "%." + precision + "G", d).replace("E+", "E");
        }
        return s;
    }

    /**
     * Values as strings for any element that is not a sequence: text as decoded, binary numbers
     * in decimal (AT as GGGGEEEE, the DICOM JSON form). Bulk data yields no strings.
     */
    static String[] toStrings(Element e, SpecificCharacterSet cs) {
        if (e.value() instanceof String[] s) {
            return s.clone();
        }
        if (!(e.value() instanceof byte[] bytes)) {
            return NO_STRINGS;
        }
        VR vr = e.interpretedVr();
        if (vr.isText()) {
            return decodeText(bytes, vr, cs);
        }
        return switch (vr) {
            case FL, FD -> Arrays.stream(decodeFloats(bytes, vr)).mapToObj(ValueCodec::formatNumber)
                    .toArray(String[]::new);
            case AT -> Arrays.stream(decodeIntegers(bytes, vr)).mapToObj(v -> String.format("%08X", v))
                    .toArray(String[]::new);
            case UV -> Arrays.stream(decodeIntegers(bytes, vr)).mapToObj(Long::toUnsignedString)
                    .toArray(String[]::new);
            case US, SS, UL, SL, SV -> Arrays.stream(decodeIntegers(bytes, vr)).mapToObj(Long::toString)
                    .toArray(String[]::new);
            default -> NO_STRINGS;
        };
    }

    private static String formatNumber(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String stripLeading(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\0')) {
            i++;
        }
        return s.substring(i);
    }

    private static String stripTrailing(String s) {
        int n = s.length();
        while (n > 0 && (s.charAt(n - 1) == ' ' || s.charAt(n - 1) == '\0')) {
            n--;
        }
        return s.substring(0, n);
    }
}
