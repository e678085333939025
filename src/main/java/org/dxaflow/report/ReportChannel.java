package org.dxaflow.report;

/**
 * One destination's way of sending a report version. Sending the same version again must not make
 * a second copy at the receiver: the SOP Instance UIDs, the HL7 control id and the FHIR business
 * identifiers are the version's own.
 */
public interface ReportChannel {

    /**
     * @param controlId the delivery's id for this destination (HL7 MSH-10), the same on every retry
     * @throws DeliveryFailure when the destination did not take it
     */
    void send(ReportDocument doc, byte[] pdf, String controlId);
}
