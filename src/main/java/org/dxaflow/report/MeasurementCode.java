package org.dxaflow.report;

import org.dxaflow.dicom.sr.Code;

/**
 * The code of one measurement of one region, and whether it must travel with a finding site
 * (the lumbar spine and femur codes do not say which vertebrae or which part of the femur).
 */
public record MeasurementCode(Code code, boolean needsFindingSite) {
}
