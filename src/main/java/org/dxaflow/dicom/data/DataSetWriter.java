package org.dxaflow.dicom.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Encodes a data set (PS3.5 section 7) in Implicit or Explicit VR Little Endian, optionally
 * deflated (A.5).
 *
 * <p>Choices the standard leaves open, and why:
 * <ul>
 *   <li>Sequences and items are written with undefined length by default (streamable, no length
 *       bookkeeping); {@link SequenceLength#DEFINED} computes explicit lengths instead.</li>
 *   <li>Group length elements (gggg,0000) present in the data set are recalculated, never
 *       invented; this gives DIMSE the CommandGroupLength it needs without stale values.</li>
 *   <li>A text value too long for a 16 bit explicit VR length is written as UN (PS3.5 6.2.2).</li>
 *   <li>A UN of undefined length (a sequence of unknown VR) keeps its items in Implicit VR Little
 *       Endian in every transfer syntax (PS3.5 6.2.2), so it reads back the same.</li>
 *   <li>Encapsulated pixel data is always of undefined length (A.4).</li>
 * </ul>
 */
public final class DataSetWriter {

    /** How sequence and item lengths are encoded (PS3.5 7.5.1). */
    public enum SequenceLength { UNDEFINED, DEFINED }

    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

    private final OutputStream out;
    private final TransferSyntax ts;
    private final SequenceLength sequenceLength;

    public DataSetWriter(OutputStream out, TransferSyntax ts) {
        this(out, ts, SequenceLength.UNDEFINED);
    }

    public DataSetWriter(OutputStream out, TransferSyntax ts, SequenceLength sequenceLength) {
        if (!ts.isSupported()) {
            throw new IllegalArgumentException("transfer syntax not supported: " + ts);
        }
        this.out = out;
        this.ts = ts;
        this.sequenceLength = sequenceLength;
    }

    /** Encodes a data set to bytes (e.g. a DIMSE command or data set for P-DATA). */
    public static byte[] encode(Attributes ds, TransferSyntax ts) {
        return encode(ds, ts, SequenceLength.UNDEFINED);
    }

    public static byte[] encode(Attributes ds, TransferSyntax ts, SequenceLength sequenceLength) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            new DataSetWriter(bytes, ts, sequenceLength).writeDataSet(ds);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the data set. For deflated syntaxes the compressed stream is finished here but the
     * underlying stream is left open for the caller to close.
     */
    public void writeDataSet(Attributes ds) throws IOException {
        if (ts.deflated()) {
            DeflaterOutputStream deflated = new DeflaterOutputStream(nonClosing(out), new Deflater(6, true));
            writeElements(new LittleEndianOutput(deflated), ds, true);
            deflated.finish();
        } else {
            writeElements(new LittleEndianOutput(out), ds, ts.explicitVr());
        }
        out.flush();
    }

    private void writeElements(LittleEndianOutput o, Attributes ds, boolean explicit) throws IOException {
        SpecificCharacterSet cs = ds.specificCharacterSet();
        for (Element e : ds.elements()) {
            if (Tag.isGroupLength(e.tag())) {
                long groupLength = groupLength(ds, Tag.group(e.tag()), explicit, cs);
                writeElement(o, new Element(e.tag(), VR.UL,
                        ValueCodec.encodeIntegers(VR.UL, new long[] {groupLength})), explicit, cs);
            } else {
                writeElement(o, e, explicit, cs);
            }
        }
    }

    private void writeElement(LittleEndianOutput o, Element e, boolean explicit, SpecificCharacterSet cs)
            throws IOException {
        if (e.value() instanceof Sequence seq) {
            boolean itemsExplicit = explicit && e.vr() != VR.UN;
            boolean undefined = undefinedLength(e, explicit);
            long length = undefined ? UNDEFINED_LENGTH : sequenceValueLength(seq, itemsExplicit);
            writeHeader(o, e.tag(), explicit ? e.vr() : null, length);
            for (Attributes item : seq) {
                o.tag(Tag.ITEM);
                o.uint32(undefined ? UNDEFINED_LENGTH : itemLength(item, itemsExplicit));
                writeElements(o, item, itemsExplicit);
                if (undefined) {
                    o.tag(Tag.ITEM_DELIMITATION);
                    o.uint32(0);
                }
            }
            if (undefined) {
                o.tag(Tag.SEQUENCE_DELIMITATION);
                o.uint32(0);
            }
        } else if (e.value() instanceof Fragments f) {
            writeHeader(o, e.tag(), explicit ? e.vr() : null, UNDEFINED_LENGTH);
            for (byte[] fragment : f.fragments()) {
                byte[] padded = ValueCodec.padToEven(fragment, VR.OB);
                o.tag(Tag.ITEM);
                o.uint32(padded.length);
                o.bytes(padded);
            }
            o.tag(Tag.SEQUENCE_DELIMITATION);
            o.uint32(0);
        } else {
            byte[] value = valueBytes(e, cs);
            writeHeader(o, e.tag(), explicit ? headerVr(e.vr(), value.length) : null, value.length);
            o.bytes(value);
        }
    }

    /** Writes tag, VR (when explicit, vr != null) and length, per PS3.5 7.1.2 and 7.1.3. */
    private static void writeHeader(LittleEndianOutput o, int tag, VR vr, long length) throws IOException {
        o.tag(tag);
        if (vr == null) {
            o.uint32(length);
        } else if (vr.hasLongHeader()) {
            o.ascii(vr.name());
            o.uint16(0);
            o.uint32(length);
        } else {
            o.ascii(vr.name());
            o.uint16((int) length);
        }
    }

    private static VR headerVr(VR vr, int length) {
        return !vr.hasLongHeader() && length > 0xFFFF ? VR.UN : vr;
    }

    private boolean undefinedLength(Element sequenceElement, boolean explicit) {
        return sequenceLength == SequenceLength.UNDEFINED || explicit && sequenceElement.vr() == VR.UN;
    }

    private static byte[] valueBytes(Element e, SpecificCharacterSet cs) {
        if (e.value() instanceof String[] s) {
            return ValueCodec.encodeText(s, e.vr(), cs);
        }
        return ValueCodec.padToEven((byte[]) e.value(), e.vr());
    }

    // ---- length computation, used for defined lengths and group lengths

    private long groupLength(Attributes ds, int group, boolean explicit, SpecificCharacterSet cs) {
        long sum = 0;
        for (Element e : ds.elements()) {
            if (Tag.group(e.tag()) == group && !Tag.isGroupLength(e.tag())) {
                sum += elementLength(e, explicit, cs);
            }
        }
        return sum;
    }

    private long itemLength(Attributes item, boolean explicit) {
        SpecificCharacterSet cs = item.specificCharacterSet();
        long sum = 0;
        for (Element e : item.elements()) {
            // a group length element is 12 bytes in both encodings: tag, (VR,) length, UL value
            sum += Tag.isGroupLength(e.tag()) ? 12 : elementLength(e, explicit, cs);
        }
        return sum;
    }

    private long sequenceValueLength(Sequence seq, boolean itemsExplicit) {
        long sum = 0;
        for (Attributes item : seq) {
            sum += 8 + itemLength(item, itemsExplicit);
        }
        return sum;
    }

    /** Encoded size of an element including its header, matching what writeElement emits. */
    private long elementLength(Element e, boolean explicit, SpecificCharacterSet cs) {
        if (e.value() instanceof Sequence seq) {
            boolean itemsExplicit = explicit && e.vr() != VR.UN;
            long header = explicit ? 12 : 8;
            if (undefinedLength(e, explicit)) {
                long sum = header + 8; // sequence delimitation
                for (Attributes item : seq) {
                    sum += 8 + itemLength(item, itemsExplicit) + 8; // item header and delimitation
                }
                return sum;
            }
            return header + sequenceValueLength(seq, itemsExplicit);
        }
        if (e.value() instanceof Fragments f) {
            long sum = (explicit ? 12 : 8) + 8;
            for (byte[] fragment : f.fragments()) {
                sum += 8 + fragment.length + (fragment.length & 1);
            }
            return sum;
        }
        int length = valueBytes(e, cs).length;
        long header = !explicit ? 8 : headerVr(e.vr(), length).explicitHeaderLength();
        return header + length;
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }
}
