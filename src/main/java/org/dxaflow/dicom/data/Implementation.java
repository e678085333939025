package org.dxaflow.dicom.data;

/**
 * How dxaflow identifies itself in File Meta Information (PS3.10 7.1) and association
 * negotiation (PS3.7 D.3.3.2).
 */
public final class Implementation {

    /** Release of the DICOM implementation; bump together with the project version. */
    public static final String VERSION = "0.1.0";

    /**
     * Implementation Class UID. Under the project's own {@link UidGenerator#DEFAULT_ROOT}, not a
     * site's root, because it names the software, which is the same at every site. Generated UIDs
     * have at least 18 digit suffixes, so ".1" can never be generated.
     */
    public static final String CLASS_UID = UidGenerator.DEFAULT_ROOT + ".1";

    /** Implementation Version Name, an SH of at most 16 characters. */
    public static final String VERSION_NAME = "DXAFLOW_" + VERSION;

    private Implementation() {
    }
}
