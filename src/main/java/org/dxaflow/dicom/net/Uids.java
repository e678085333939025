package org.dxaflow.dicom.net;

/** UIDs the network layer itself needs (PS3.6 annex A). */
public final class Uids {
    /** DICOM Application Context Name (PS3.7 annex A.2.1). */
    public static final String APPLICATION_CONTEXT = "1.2.840.10008.3.1.1.1";
    public static final String IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
    public static final String VERIFICATION = "1.2.840.10008.1.1";

    /**
     * What dxaflow says it is in A-ASSOCIATE user information, by default: the one implementation
     * identity the project has ({@link org.dxaflow.dicom.data.Implementation}, also written into
     * File Meta Information), so peers' logs and our files never disagree. Configurable per AE.
     */
    public static final String DEFAULT_IMPLEMENTATION_CLASS_UID = org.dxaflow.dicom.data.Implementation.CLASS_UID;
    public static final String DEFAULT_IMPLEMENTATION_VERSION_NAME = org.dxaflow.dicom.data.Implementation.VERSION_NAME;

    private Uids() {
    }

    /** PS3.5 9.1 UID syntax: digits and dots, no empty or leading-zero components, max 64 chars. */
    public static boolean isValidUid(String uid) {
        if (uid == null || uid.isEmpty() || uid.length() > 64) {
            return false;
        }
        String[] parts = uid.split("\\.", -1);
        for (String p : parts) {
            if (p.isEmpty() || (p.length() > 1 && p.charAt(0) == '0')) {
                return false;
            }
            for (int i = 0; i < p.length(); i++) {
                if (p.charAt(i) < '0' || p.charAt(i) > '9') {
                    return false;
                }
            }
        }
        return true;
    }
}
