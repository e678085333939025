package org.dxaflow.dicom.data;

import java.util.Set;

/**
 * Text dump of a data set, one element per line, in a form close to dcmdump:
 * <pre>
 * (0010,0010) PN [Doe^John]                  # PatientName
 * (0040,0100) SQ (1 item)                    # ScheduledProcedureStepSequence
 *   (FFFE,E000) item 1
 *     (0008,0060) CS [OT]                    # Modality
 * </pre>
 * {@link #redacted} masks patient identifying values so dumps can go to logs.
 */
public final class Dump {

    /** Longest value text shown before it is cut with "...". */
    private static final int MAX_VALUE_CHARS = 64;
    private static final int BULK_BYTES_SHOWN = 8;
    private static final int COMMENT_COLUMN = 48;
    /** Non-PN attributes that identify a patient or order, masked in redacted dumps. */
    private static final Set<Integer> IDENTIFYING = Set.of(
            Tag.AccessionNumber.value(), Tag.OtherPatientIDsSequence.value(),
            Tag.PlacerOrderNumberImagingServiceRequest.value(),
            Tag.FillerOrderNumberImagingServiceRequest.value(),
            Tag.InstitutionAddress.value(), Tag.TextValue.value(), Tag.EncapsulatedDocument.value());

    private Dump() {
    }

    /** Full dump, values included. Contains patient data: not for logs. */
    public static String toString(Attributes ds) {
        StringBuilder sb = new StringBuilder();
        dump(sb, ds, 0, false);
        return sb.toString();
    }

    /**
     * Dump with the values of patient identifying attributes replaced by "***": group 0010
     * (patient), every PN, private elements (their content is unknown) and a few identifiers
     * such as Accession Number and SR text values.
     */
    public static String redacted(Attributes ds) {
        StringBuilder sb = new StringBuilder();
        dump(sb, ds, 0, true);
        return sb.toString();
    }

    private static void dump(StringBuilder sb, Attributes ds, int depth, boolean redact) {
        SpecificCharacterSet cs = ds.specificCharacterSet();
        String indent = "  ".repeat(depth);
        for (Element e : ds.elements()) {
            StringBuilder line = new StringBuilder(indent).append(Tag.toString(e.tag())).append(' ')
                    .append(e.vr()).append(' ');
            boolean mask = redact && isIdentifying(e);
            if (e.value() instanceof Sequence seq) {
                line.append('(').append(seq.size()).append(seq.size() == 1 ? " item)" : " items)");
            } else if (mask) {
                line.append("***");
            } else {
                line.append(value(e, cs));
            }
            appendComment(line, e.tag());
            sb.append(line).append('\n');
            if (e.value() instanceof Sequence seq) {
                int n = 1;
                for (Attributes item : seq) {
                    sb.append(indent).append("  ").append(Tag.toString(Tag.ITEM)).append(" item ").append(n++)
                            .append('\n');
                    if (mask) {
                        sb.append(indent).append("    ***\n");
                    } else {
                        dump(sb, item, depth + 2, redact);
                    }
                }
            }
        }
    }

    private static boolean isIdentifying(Element e) {
        return Tag.group(e.tag()) == 0x0010 || e.vr() == VR.PN || Tag.isPrivate(e.tag())
                || IDENTIFYING.contains(e.tag());
    }

    private static String value(Element e, SpecificCharacterSet cs) {
        if (e.value() instanceof Fragments f) {
            return "(encapsulated, " + f.size() + " fragments)";
        }
        VR vr = e.interpretedVr();
        if (vr.isBulk() || vr == VR.SQ) {
            byte[] b = (byte[]) e.value();
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < Math.min(b.length, BULK_BYTES_SHOWN); i++) {
                hex.append(i == 0 ? "" : "\\").append(String.format("%02x", b[i]));
            }
            return hex + (b.length > BULK_BYTES_SHOWN ? "..." : "") + " (" + b.length + " bytes)";
        }
        String[] values = ValueCodec.toStrings(e, cs);
        if (values.length == 0) {
            return "(no value)";
        }
        String joined = String.join("\\", values);
        if (joined.length() > MAX_VALUE_CHARS) {
            joined = joined.substring(0, MAX_VALUE_CHARS) + "...";
        }
        return vr.isText() ? "[" + joined + "]" : joined;
    }

    private static void appendComment(StringBuilder line, int tag) {
        String keyword = Dictionary.keywordOf(tag);
        if (keyword == null) {
            keyword = Tag.isPrivateCreator(tag) ? "PrivateCreator"
                    : Tag.isGroupLength(tag) ? "GroupLength" : "Unknown";
        }
        line.append(" ".repeat(Math.max(1, COMMENT_COLUMN - line.length()))).append("# ").append(keyword);
    }
}
