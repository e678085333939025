/**
 * dxaflow's example DXA result SR (a Comprehensive SR), the template written on
 * {@code org.dxaflow.dicom.sr}: the codes ({@link org.dxaflow.dxasr.DxaSrCodes}), the builder a
 * scanner (scanner-sim) uses ({@link org.dxaflow.dxasr.DxaResultSr}) and a strict reader
 * ({@link org.dxaflow.dxasr.DxaSrReader}). In the engine, not the DICOM library, because its sites
 * and sides are the densitometry's. The layout is documented in samples/dicom/README.md.
 */
package org.dxaflow.dxasr;
