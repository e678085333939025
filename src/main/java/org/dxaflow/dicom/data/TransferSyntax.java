package org.dxaflow.dicom.data;

import java.util.List;

/**
 * A transfer syntax (PS3.5 section 10 and Annex A): how a data set is encoded.
 *
 * <p>A record rather than an enum because files and associations can name transfer syntaxes we
 * do not list; {@link #forUid(String)} still describes those, since PS3.5 Annex A encodes every
 * transfer syntax except Implicit VR Little Endian and the retired big endian one as Explicit VR
 * Little Endian, with compressed pixel data encapsulated (A.4).
 *
 * @param uid the transfer syntax UID
 * @param name a readable name for logs
 * @param explicitVr true if the VR is written in each element header
 * @param bigEndian true for the retired Explicit VR Big Endian; not supported by the codec
 * @param deflated true if the data set after the file meta is deflate compressed (A.5)
 * @param encapsulated true if pixel data is compressed and encapsulated in fragments (A.4)
 */
public record TransferSyntax(String uid, String name, boolean explicitVr, boolean bigEndian,
                             boolean deflated, boolean encapsulated) {

    /** The default transfer syntax of DICOM, which every implementation must accept. */
    public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax(
            "1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, false);
    public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax(
            "1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, false);
    public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = new TransferSyntax(
            "1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, false);
    /** Retired (PS3.5 A.3); listed so it can be named and refused, not decoded. */
    public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN = new TransferSyntax(
            "1.2.840.10008.1.2.2", "Explicit VR Big Endian (retired)", true, true, false, false);
    public static final TransferSyntax JPEG_BASELINE = new TransferSyntax(
            "1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, false, false, true);
    public static final TransferSyntax JPEG_LOSSLESS_SV1 = new TransferSyntax(
            "1.2.840.10008.1.2.4.70", "JPEG Lossless, First-Order Prediction", true, false, false, true);
    public static final TransferSyntax JPEG_LS_LOSSLESS = new TransferSyntax(
            "1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", true, false, false, true);
    public static final TransferSyntax JPEG_2000_LOSSLESS = new TransferSyntax(
            "1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless Only", true, false, false, true);
    public static final TransferSyntax JPEG_2000 = new TransferSyntax(
            "1.2.840.10008.1.2.4.91", "JPEG 2000", true, false, false, true);
    public static final TransferSyntax RLE_LOSSLESS = new TransferSyntax(
            "1.2.840.10008.1.2.5", "RLE Lossless", true, false, false, true);

    private static final List<TransferSyntax> KNOWN = List.of(
            IMPLICIT_VR_LITTLE_ENDIAN, EXPLICIT_VR_LITTLE_ENDIAN, DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
            EXPLICIT_VR_BIG_ENDIAN, JPEG_BASELINE, JPEG_LOSSLESS_SV1, JPEG_LS_LOSSLESS,
            JPEG_2000_LOSSLESS, JPEG_2000, RLE_LOSSLESS);

    /**
     * Describes any transfer syntax UID. Unlisted UIDs are taken as Explicit VR Little Endian with
     * encapsulated pixel data, which is what PS3.5 A.4 requires of all compressed syntaxes; the
     * codec can then still read the non-pixel attributes of such files.
     */
    public static TransferSyntax forUid(String uid) {
        String u = uid == null ? "" : uid.trim();
        if (u.isEmpty()) {
            throw new IllegalArgumentException("empty transfer syntax UID");
        }
        for (TransferSyntax ts : KNOWN) {
            if (ts.uid.equals(u)) {
                return ts;
            }
        }
        return new TransferSyntax(u, "Unknown (" + u + ")", true, false, false, true);
    }

    /** True if {@link #forUid} knows this UID by name. */
    public static boolean isKnown(String uid) {
        return KNOWN.stream().anyMatch(ts -> ts.uid.equals(uid));
    }

    /** True if our codec can read and write data sets in this syntax (all but big endian). */
    public boolean isSupported() {
        return !bigEndian;
    }

    @Override
    public String toString() {
        return name + " [" + uid + "]";
    }
}
