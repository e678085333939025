/**
 * Structured Reporting, independent of any template: {@link org.dxaflow.dicom.sr.SrTree} reads an
 * SR's content tree into {@link org.dxaflow.dicom.sr.SrItem}s, {@link org.dxaflow.dicom.sr.ContentItems}
 * writes content items. Two records for a coded entry on purpose: {@link org.dxaflow.dicom.sr.Code}
 * is what we write, checked to fit the Code Sequence Macro; {@link org.dxaflow.dicom.sr.Concept} is
 * what a sender wrote, taken as it came (LongCodeValue, any scheme case) so that a mapping can name it.
 * dxaflow's own DXA result template is in the engine ({@code org.dxaflow.dxasr}).
 */
package org.dxaflow.dicom.sr;
