/**
 * What a modality sends besides images: Modality Worklist query keys and the MPPS N-CREATE/N-SET
 * attribute lists of PS3.4 Annex F. The network side is in org.dxaflow.dicom.dimse.service
 * ({@code WorklistScu}, {@code MppsScu}).
 */
package org.dxaflow.dicom.modality;
