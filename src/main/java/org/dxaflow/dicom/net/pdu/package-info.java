/**
 * The PDUs of PS3.8 section 9.3 as records, with a strict decoder
 * ({@link org.dxaflow.dicom.net.pdu.PduDecoder}), an exact encoder and a length-capped stream reader.
 * Malformed input raises {@link org.dxaflow.dicom.net.pdu.PduFormatException} carrying the A-ABORT
 * reason to answer with.
 */
package org.dxaflow.dicom.net.pdu;
