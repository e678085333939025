package org.dxaflow.dicom.data;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Decodes a data set (PS3.5 section 7) in Implicit or Explicit VR Little Endian, including
 * sequences and items of defined and undefined length (7.5) and encapsulated pixel data (A.4).
 *
 * <p>Values are kept as encoded bytes (see {@link Attributes}). Every length is checked against
 * the enclosing item or sequence, the end of the input when known, and {@link Limits} before
 * anything is allocated; violations throw {@link DicomParseException}.
 */
public final class DataSetReader {

    private static final long UNDEFINED = 0xFFFFFFFFL;
    /** Sentinel end for containers that end at a delimiter or at end of input. */
    private static final long OPEN = -1;

    /**
     * Resource limits for untrusted input.
     *
     * @param maxValueLength largest single element value accepted, in bytes
     * @param maxDepth deepest sequence nesting accepted (top level data set is depth 0)
     */
    public record Limits(long maxValueLength, int maxDepth) {
        /** 256 MiB values (a DXA image or PDF report is far smaller) and 64 nested sequences. */
        public static final Limits DEFAULT = new Limits(256L << 20, 64);
    }

    private final DicomInput in;
    private final TransferSyntax ts;
    private final Limits limits;

    /** Reads from a stream of unknown length. */
    public DataSetReader(InputStream in, TransferSyntax ts) {
        this(in, -1, ts, Limits.DEFAULT);
    }

    /**
     * @param knownLength bytes the stream holds, if known, else -1 (enables early length checks;
     *        ignored for deflated syntaxes, where the stream length says nothing)
     */
    public DataSetReader(InputStream in, long knownLength, TransferSyntax ts, Limits limits) {
        this(ts.deflated()
                ? new DicomInput(new InflaterInputStream(in, new Inflater(true)), -1)
                : new DicomInput(in, knownLength), ts, limits);
    }

    /** Continues on an input already partly consumed (Part 10: after preamble and file meta). */
    DataSetReader(DicomInput in, TransferSyntax ts, Limits limits) {
        if (!ts.isSupported()) {
            throw new IllegalArgumentException("transfer syntax not supported: " + ts);
        }
        this.in = in;
        this.ts = ts;
        this.limits = limits;
    }

    /** Decodes a complete data set held in memory (e.g. a DIMSE data set from P-DATA). */
    public static Attributes read(byte[] encoded, TransferSyntax ts) throws DicomParseException {
        try {
            return new DataSetReader(new ByteArrayInputStream(encoded), encoded.length, ts, Limits.DEFAULT)
                    .readDataSet();
        } catch (DicomParseException e) {
            throw e;
        } catch (IOException e) {
            throw new DicomParseException("cannot read data set: " + e.getMessage(), -1);
        }
    }

    /** Reads elements until the end of the input. */
    public Attributes readDataSet() throws IOException {
        Attributes ds = new Attributes();
        readElements(ds, OPEN, in.end(), 0, ts.explicitVr(), true);
        return ds;
    }

    /**
     * Reads elements of group 0002 in Explicit VR Little Endian and stops before the first
     * element of another group: the File Meta Information of PS3.10 7.1. Stopping on the group
     * rather than trusting (0002,0000) copes with files whose group length is wrong.
     */
    Attributes readFileMetaInformation() throws IOException {
        Attributes fmi = new Attributes();
        while (true) {
            long next = in.peekTag();
            if (next < 0 || Tag.group((int) next) != 0x0002) {
                return fmi;
            }
            readElement(fmi, in.readTag(), in.end(), 0, true);
        }
    }

    /** Bytes consumed so far (for locating errors and the end of the file meta). */
    long position() {
        return in.position();
    }

    /**
     * Reads the elements of one container.
     *
     * @param end absolute position where a defined length container ends, or OPEN
     * @param limit nothing may extend past this position (outer container or input end)
     * @param topLevel an OPEN top level data set ends at end of input, an OPEN item at (FFFE,E00D)
     */
    private void readElements(Attributes target, long end, long limit, int depth, boolean explicit,
                              boolean topLevel) throws IOException {
        while (true) {
            if (end != OPEN && in.position() >= end) {
                if (in.position() > end) {
                    throw new DicomParseException("element runs past the end of its item", in.position());
                }
                return;
            }
            if (topLevel && in.atEnd()) {
                return;
            }
            int tag = in.readTag();
            if (tag == Tag.ITEM_DELIMITATION && !topLevel && end == OPEN) {
                in.readUInt32(); // always 0 by PS3.5 7.5.2; its value carries nothing
                return;
            }
            if (Tag.isItemOrDelimiter(tag)) {
                throw new DicomParseException("unexpected " + Tag.toString(tag) + " among data elements",
                        in.position() - 4);
            }
            readElement(target, tag, end == OPEN ? limit : end, depth, explicit);
        }
    }

    private void readElement(Attributes target, int tag, long limit, int depth, boolean explicit)
            throws IOException {
        long start = in.position() - 4;
        VR vr;
        long length;
        if (explicit) {
            byte[] code = in.readSmall(2);
            vr = VR.fromCode(code[0], code[1]);
            if (vr == null) {
                throw new DicomParseException(String.format("unknown VR bytes %02X %02X in %s",
                        code[0] & 0xFF, code[1] & 0xFF, Tag.toString(tag)), start + 4);
            }
            if (vr.hasLongHeader()) {
                in.readSmall(2); // reserved, PS3.5 7.1.2
                length = in.readUInt32();
            } else {
                length = in.readUInt16();
            }
        } else {
            vr = Dictionary.vrOf(tag);
            length = in.readUInt32();
        }
        if (length == UNDEFINED) {
            if (vr == VR.SQ || vr == VR.UN && (explicit || tag != Tag.PixelData.value())) {
                // UN of undefined length holds Implicit VR items (PS3.5 6.2.2); so does an
                // unknown private sequence in Implicit VR.
                readSequence(target, tag, vr, UNDEFINED, limit, depth, explicit && vr == VR.SQ);
            } else if (vr == VR.OB || vr == VR.OW || vr == VR.UN) {
                target.putElement(new Element(tag, explicit ? vr : VR.OB, readFragments(limit)));
            } else {
                throw new DicomParseException("undefined length is not allowed for " + vr + " in "
                        + Tag.toString(tag), start);
            }
            return;
        }
        checkLength(tag, length, limit);
        if (vr == VR.SQ) {
            readSequence(target, tag, vr, length, limit, depth, explicit);
        } else {
            if (length > limits.maxValueLength()) {
                throw new DicomParseException("value length " + length + " of " + Tag.toString(tag)
                        + " exceeds the limit of " + limits.maxValueLength(), in.position());
            }
            target.putElement(new Element(tag, vr, in.readValue(length)));
        }
    }

    private void readSequence(Attributes target, int tag, VR vr, long length, long limit, int depth,
                              boolean itemsExplicit) throws IOException {
        if (depth + 1 > limits.maxDepth()) {
            throw new DicomParseException("sequences nested deeper than " + limits.maxDepth() + " at "
                    + Tag.toString(tag), in.position());
        }
        Sequence seq = new Sequence(target);
        target.putSequence(tag, vr, seq);
        long end = length == UNDEFINED ? OPEN : in.position() + length;
        long innerLimit = end == OPEN ? limit : end;
        while (end == OPEN || in.position() < end) {
            int itemTag = in.readTag();
            long itemLength = in.readUInt32();
            if (itemTag == Tag.SEQUENCE_DELIMITATION && end == OPEN) {
                return;
            }
            if (itemTag == Tag.ITEM_DELIMITATION && itemLength == 0) {
                continue; // stray delimiter after a defined length item: invalid but seen in the wild
            }
            if (itemTag != Tag.ITEM) {
                throw new DicomParseException("expected item (FFFE,E000) in " + Tag.toString(tag) + ", found "
                        + Tag.toString(itemTag), in.position() - 8);
            }
            Attributes item = seq.addItem();
            if (itemLength == UNDEFINED) {
                readElements(item, OPEN, innerLimit, depth + 1, itemsExplicit, false);
            } else {
                checkLength(Tag.ITEM, itemLength, innerLimit);
                readElements(item, in.position() + itemLength, innerLimit, depth + 1, itemsExplicit, false);
            }
        }
        if (in.position() != end) {
            throw new DicomParseException("items run past the end of " + Tag.toString(tag), in.position());
        }
    }

    private Fragments readFragments(long limit) throws IOException {
        List<byte[]> fragments = new ArrayList<>();
        while (true) {
            int itemTag = in.readTag();
            long length = in.readUInt32();
            if (itemTag == Tag.SEQUENCE_DELIMITATION) {
                return new Fragments(fragments);
            }
            if (itemTag != Tag.ITEM || length == UNDEFINED) {
                throw new DicomParseException("bad fragment " + Tag.toString(itemTag) + " in encapsulated pixel data",
                        in.position() - 8);
            }
            checkLength(Tag.ITEM, length, limit);
            if (length > limits.maxValueLength()) {
                throw new DicomParseException("fragment length " + length + " exceeds the limit", in.position());
            }
            fragments.add(in.readValue(length));
        }
    }

    private void checkLength(int tag, long length, long limit) throws DicomParseException {
        if (in.position() + length > limit) {
            throw new DicomParseException("length " + length + " of " + Tag.toString(tag)
                    + " runs past the end of its " + (limit == in.end() ? "input" : "enclosing item"),
                    in.position());
        }
    }
}
