/**
 * DICOM upper layer (PS3.8): association establishment, release and abort over TCP.
 *
 * <p>Layering (after pynetdicom): {@code net.pdu} encodes/decodes the seven PDUs with strict
 * validation; this package negotiates ({@link org.dxaflow.dicom.net.AssociationNegotiator}), runs
 * the state machine ({@link org.dxaflow.dicom.net.StateMachine}, {@link org.dxaflow.dicom.net.Association})
 * and serves or opens connections ({@link org.dxaflow.dicom.net.DicomServer},
 * {@link org.dxaflow.dicom.net.AssociationRequestor}). It knows nothing about DIMSE: P-DATA goes to
 * an {@link org.dxaflow.dicom.net.AssociationListener}, and what is offered is asked of
 * {@link org.dxaflow.dicom.net.AcceptorServices}. The DIMSE layer ({@code org.dxaflow.dicom.dimse})
 * implements both.
 */
package org.dxaflow.dicom.net;
