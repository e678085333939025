/**
 * dxaflow's example DXA result SR (a Comprehensive SR): the codes ({@link org.dxaflow.dicom.sr.DxaSrCodes}),
 * the builder a scanner (scanner-sim) uses ({@link org.dxaflow.dicom.sr.DxaResultSr}) and a strict
 * reader ({@link org.dxaflow.dicom.sr.DxaSrReader}). The layout is documented in samples/dicom/README.md.
 */
package org.dxaflow.dicom.sr;
