package org.dxaflow.results;

/** How a result arrived: a DICOM SR at the Storage SCP, or an HL7 ORU^R01 on the MLLP listener. */
public enum SourceType {
    DICOM_SR, HL7_ORU
}
