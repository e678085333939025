package org.dxaflow.dicom.data;

/**
 * SOP Class UIDs dxaflow uses (PS3.6 Annex A; PS3.4 for the services). Strings rather than an
 * enum because associations and files carry arbitrary UIDs that must pass through unchanged.
 */
public final class SopClass {

    /** Verification (C-ECHO), PS3.4 Annex A. */
    public static final String VERIFICATION = "1.2.840.10008.1.1";
    /** Modality Worklist Information Model - FIND, PS3.4 K.6.1.2. */
    public static final String MODALITY_WORKLIST_FIND = "1.2.840.10008.5.1.4.31";
    /** Modality Performed Procedure Step (N-CREATE/N-SET), PS3.4 F.7. */
    public static final String MODALITY_PERFORMED_PROCEDURE_STEP = "1.2.840.10008.3.1.2.3.3";
    /** Storage Commitment Push Model, PS3.4 J.3. */
    public static final String STORAGE_COMMITMENT_PUSH_MODEL = "1.2.840.10008.1.20.1";
    public static final String SECONDARY_CAPTURE_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.7";
    public static final String BASIC_TEXT_SR_STORAGE = "1.2.840.10008.5.1.4.1.1.88.11";
    public static final String ENHANCED_SR_STORAGE = "1.2.840.10008.5.1.4.1.1.88.22";
    public static final String COMPREHENSIVE_SR_STORAGE = "1.2.840.10008.5.1.4.1.1.88.33";
    public static final String ENCAPSULATED_PDF_STORAGE = "1.2.840.10008.5.1.4.1.1.104.1";

    private SopClass() {
    }
}
