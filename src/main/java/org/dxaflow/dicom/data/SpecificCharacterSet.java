package org.dxaflow.dicom.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The character repertoire named by Specific Character Set (0008,0005), applied to the text VRs
 * that PS3.5 6.1.2.3 lets it affect (SH, LO, ST, LT, UC, UT, PN). Other text VRs are always the
 * default repertoire.
 *
 * <p>Supported: the default repertoire (absent or empty value), the single byte sets of PS3.3
 * Table C.12-2 without code extensions (ISO_IR 100 Latin-1 and relatives), ISO_IR 192 (UTF-8),
 * GB18030 and GBK. ISO 2022 code extensions (multiple values, escape sequences) are decoded with
 * the first value's set only and cannot be written: dxaflow always writes ISO_IR 192 or Latin-1.
 */
public final class SpecificCharacterSet {

    // Defined terms of PS3.3 C.12.1.1.2 mapped to Java charsets. The ISO 2022 forms of the single
    // byte sets decode identically when a data set uses no escape sequences, which is the norm.
    private static final Map<String, String> CHARSETS = Map.ofEntries(
            Map.entry("ISO_IR 6", "US-ASCII"), Map.entry("ISO 2022 IR 6", "US-ASCII"),
            Map.entry("ISO_IR 100", "ISO-8859-1"), Map.entry("ISO 2022 IR 100", "ISO-8859-1"),
            Map.entry("ISO_IR 101", "ISO-8859-2"), Map.entry("ISO 2022 IR 101", "ISO-8859-2"),
            Map.entry("ISO_IR 109", "ISO-8859-3"), Map.entry("ISO 2022 IR 109", "ISO-8859-3"),
            Map.entry("ISO_IR 110", "ISO-8859-4"), Map.entry("ISO 2022 IR 110", "ISO-8859-4"),
            Map.entry("ISO_IR 144", "ISO-8859-5"), Map.entry("ISO 2022 IR 144", "ISO-8859-5"),
            Map.entry("ISO_IR 127", "ISO-8859-6"), Map.entry("ISO 2022 IR 127", "ISO-8859-6"),
            Map.entry("ISO_IR 126", "ISO-8859-7"), Map.entry("ISO 2022 IR 126", "ISO-8859-7"),
            Map.entry("ISO_IR 138", "ISO-8859-8"), Map.entry("ISO 2022 IR 138", "ISO-8859-8"),
            Map.entry("ISO_IR 148", "ISO-8859-9"), Map.entry("ISO 2022 IR 148", "ISO-8859-9"),
            Map.entry("ISO_IR 203", "ISO-8859-15"), Map.entry("ISO 2022 IR 203", "ISO-8859-15"),
            Map.entry("ISO_IR 166", "TIS-620"), Map.entry("ISO 2022 IR 166", "TIS-620"),
            Map.entry("ISO_IR 192", "UTF-8"),
            Map.entry("GB18030", "GB18030"),
            Map.entry("GBK", "GBK"));

    /** No Specific Character Set: ISO-IR 6, i.e. ASCII. */
    public static final SpecificCharacterSet DEFAULT =
            new SpecificCharacterSet(new String[0], StandardCharsets.US_ASCII, true);
    public static final SpecificCharacterSet LATIN_1 = of("ISO_IR 100");
    public static final SpecificCharacterSet UTF_8 = of("ISO_IR 192");

    private final String[] terms;
    private final Charset charset;
    private final boolean writable;

    private SpecificCharacterSet(String[] terms, Charset charset, boolean writable) {
        this.terms = terms;
        this.charset = charset;
        this.writable = writable;
    }

    /**
     * The character set for the values of (0008,0005). Null, no values or an empty first value
     * mean the default repertoire. An unknown term still yields a usable object: it decodes as
     * Latin-1 (every byte maps to one character, so nothing is lost) and refuses to encode.
     */
    public static SpecificCharacterSet of(String... values) {
        if (values == null || values.length == 0) {
            return DEFAULT;
        }
        String[] t = Arrays.stream(values).map(v -> v == null ? "" : v.trim()).toArray(String[]::new);
        String first = t[0].isEmpty() && t.length > 1 ? t[1] : t[0];
        if (first.isEmpty()) {
            return t.length == 1 ? DEFAULT : new SpecificCharacterSet(t, StandardCharsets.US_ASCII, false);
        }
        String name = CHARSETS.get(first);
        boolean codeExtensions = t.length > 1;
        if (name == null) {
            return new SpecificCharacterSet(t, StandardCharsets.ISO_8859_1, false);
        }
        return new SpecificCharacterSet(t, Charset.forName(name), !codeExtensions);
    }

    /** The defined terms this was built from (empty for the default repertoire). */
    public List<String> terms() {
        return List.of(terms);
    }

    /** The Java charset used to decode. */
    public Charset charset() {
        return charset;
    }

    /** False for unknown terms and code extensions, which {@link #encode} rejects. */
    public boolean isWritable() {
        return writable;
    }

    /**
     * Decodes text bytes. The default repertoire is decoded as Latin-1 instead of strict ASCII:
     * devices that send accented names without declaring a character set are common, and Latin-1
     * shows those bytes rather than replacement characters while keeping them reversible.
     */
    public String decode(byte[] bytes, int offset, int length) {
        Charset cs = charset == StandardCharsets.US_ASCII ? StandardCharsets.ISO_8859_1 : charset;
        return new String(bytes, offset, length, cs);
    }

    /**
     * Encodes text, failing with IllegalArgumentException when a character is not representable:
     * silently writing '?' into a patient name is worse than refusing.
     */
    public byte[] encode(String text) {
        if (!writable) {
            throw new IllegalArgumentException("cannot encode text in Specific Character Set "
                    + String.join("\\", terms) + " (code extensions or unknown term)");
        }
        CharsetEncoder enc = charset.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer bb = enc.encode(CharBuffer.wrap(text));
            byte[] out = new byte[bb.remaining()];
            bb.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text is not representable in "
                    + (terms.length == 0 ? "the default repertoire (ISO-IR 6)" : String.join("\\", terms))
                    + "; set SpecificCharacterSet (0008,0005), e.g. to ISO_IR 192", e);
        }
    }

    @Override
    public String toString() {
        return terms.length == 0 ? "ISO-IR 6 (default)" : String.join("\\", terms);
    }
}
