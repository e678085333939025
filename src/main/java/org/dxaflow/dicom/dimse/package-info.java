/**
 * DIMSE messages (PS3.7): command sets (group 0000, always Implicit VR Little Endian) and their
 * typed records, status codes, and the assembly/fragmentation of messages into PDVs.
 *
 * <p>Data sets are opaque {@link org.dxaflow.dicom.dimse.DataSet} bytes plus their transfer syntax
 * UID; parsing them is the job of {@code org.dxaflow.dicom.data}. Service classes and the provider
 * SPI live in {@code dimse.service}, the storage transport in {@code dimse.storage}.
 */
package org.dxaflow.dicom.dimse;
