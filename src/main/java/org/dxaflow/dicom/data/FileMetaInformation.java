package org.dxaflow.dicom.data;

/**
 * Builds and checks File Meta Information (group 0002, PS3.10 7.1). The group length
 * (0002,0000) is included with a placeholder value: {@link DataSetWriter} recalculates it.
 */
public final class FileMetaInformation {

    /** FileMetaInformationVersion: two bytes 00 01 (PS3.10 Table 7.1-1). */
    private static final byte[] VERSION = {0x00, 0x01};

    private FileMetaInformation() {
    }

    /** File Meta Information for an instance, naming dxaflow as the implementation. */
    public static Attributes create(String sopClassUid, String sopInstanceUid, TransferSyntax ts) {
        return create(sopClassUid, sopInstanceUid, ts, Implementation.CLASS_UID, Implementation.VERSION_NAME, null);
    }

    /**
     * File Meta Information naming the implementation that writes the file and, for an instance
     * received over the network, the AE that sent it.
     *
     * @param implementationVersionName null to leave (0002,0013) out
     * @param sourceAeTitle (0002,0016); null or empty to leave it out
     */
    public static Attributes create(String sopClassUid, String sopInstanceUid, TransferSyntax ts,
                                    String implementationClassUid, String implementationVersionName,
                                    String sourceAeTitle) {
        requireUid(sopClassUid, "MediaStorageSOPClassUID");
        requireUid(sopInstanceUid, "MediaStorageSOPInstanceUID");
        requireUid(implementationClassUid, "ImplementationClassUID");
        Attributes fmi = new Attributes();
        fmi.setInt(Tag.FileMetaInformationGroupLength, 0);
        fmi.setBytes(Tag.FileMetaInformationVersion.value(), VR.OB, VERSION);
        fmi.setString(Tag.MediaStorageSOPClassUID, sopClassUid);
        fmi.setString(Tag.MediaStorageSOPInstanceUID, sopInstanceUid);
        fmi.setString(Tag.TransferSyntaxUID, ts.uid());
        fmi.setString(Tag.ImplementationClassUID, implementationClassUid);
        if (implementationVersionName != null) {
            fmi.setString(Tag.ImplementationVersionName, implementationVersionName);
        }
        if (sourceAeTitle != null && !sourceAeTitle.isEmpty()) {
            fmi.setString(Tag.SourceApplicationEntityTitle, sourceAeTitle);
        }
        return fmi;
    }

    /** File Meta Information taking the SOP Class and Instance UIDs from the data set. */
    public static Attributes forDataSet(Attributes dataSet, TransferSyntax ts) {
        return create(dataSet.getString(Tag.SOPClassUID), dataSet.getString(Tag.SOPInstanceUID), ts);
    }

    /** The transfer syntax the data set after this File Meta Information is encoded in. */
    public static TransferSyntax transferSyntax(Attributes fmi) throws DicomParseException {
        String uid = fmi.getString(Tag.TransferSyntaxUID);
        if (uid == null) {
            throw new DicomParseException("File Meta Information has no TransferSyntaxUID (0002,0010)", -1);
        }
        return TransferSyntax.forUid(uid);
    }

    private static void requireUid(String uid, String what) {
        if (!UidGenerator.isValid(uid)) {
            throw new IllegalArgumentException(what + " is missing or not a valid UID: " + uid);
        }
    }
}
