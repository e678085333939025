package org.dxaflow.dicom.dimse.storage;

import java.util.List;

/** Storage SOP class UIDs (PS3.4 annex B.5 / PS3.6 annex A) relevant for DXA services. */
public final class StorageSopClasses {
    public static final String BASIC_TEXT_SR = "1.2.840.10008.5.1.4.1.1.88.11";
    public static final String ENHANCED_SR = "1.2.840.10008.5.1.4.1.1.88.22";
    public static final String COMPREHENSIVE_SR = "1.2.840.10008.5.1.4.1.1.88.33";
    public static final String COMPREHENSIVE_3D_SR = "1.2.840.10008.5.1.4.1.1.88.34";
    public static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
    public static final String DIGITAL_XRAY_PRESENTATION = "1.2.840.10008.5.1.4.1.1.1.1";
    public static final String DIGITAL_XRAY_PROCESSING = "1.2.840.10008.5.1.4.1.1.1.1.1";
    public static final String ENCAPSULATED_PDF = "1.2.840.10008.5.1.4.1.1.104.1";

    /** What a DXA scanner typically sends: dose/report SRs, screen captures, DX images, PDF reports. */
    public static final List<String> DEFAULTS = List.of(COMPREHENSIVE_SR, ENHANCED_SR, BASIC_TEXT_SR,
            COMPREHENSIVE_3D_SR, SECONDARY_CAPTURE, DIGITAL_XRAY_PRESENTATION, DIGITAL_XRAY_PROCESSING,
            ENCAPSULATED_PDF);

    private StorageSopClasses() {
    }
}
