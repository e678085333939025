/**
 * DICOM data layer of dxaflow: PS3.5 encoding and PS3.10 files, without dcm4che.
 *
 * <p>Entry points for the network and service layers:
 * <ul>
 *   <li>{@link org.dxaflow.dicom.data.Attributes}: a data set; typed getters/setters keyed by
 *       {@link org.dxaflow.dicom.data.Tag} constants (VR implied) or by int tag plus VR;</li>
 *   <li>{@link org.dxaflow.dicom.data.DataSetReader#read(byte[], TransferSyntax)} and
 *       {@link org.dxaflow.dicom.data.DataSetWriter#encode(Attributes, TransferSyntax)}: data sets and
 *       command sets to and from bytes (P-DATA payloads);</li>
 *   <li>{@link org.dxaflow.dicom.data.DicomFile}: Part 10 files;</li>
 *   <li>{@link org.dxaflow.dicom.data.UidGenerator}, {@link org.dxaflow.dicom.data.Implementation},
 *       {@link org.dxaflow.dicom.data.SopClass}, {@link org.dxaflow.dicom.data.TransferSyntax}: identifiers;</li>
 *   <li>{@link org.dxaflow.dicom.data.Dump#redacted(Attributes)}: log-safe dumps.</li>
 * </ul>
 * Only little endian transfer syntaxes are encoded; readers throw
 * {@link org.dxaflow.dicom.data.DicomParseException} on malformed or hostile input.
 */
package org.dxaflow.dicom.data;
