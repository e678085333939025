package org.dxaflow.report;

/** Where a report version goes. Each has its own durable queue, so an outage of one delays only it. */
public enum Destination {
    /** DICOM SR + encapsulated PDF, C-STORE (and Storage Commitment when configured). */
    PACS("dxaflow.report.pacs"),
    /** HL7 ORU^R01 to the RIS, over the dxaflow.ris.* link. */
    RIS("dxaflow.report.ris"),
    /** HL7 ORU^R01 to the GP system over MLLP. */
    GP_HL7("dxaflow.report.gp-hl7"),
    /** FHIR R4 transaction Bundle to the GP endpoint. */
    GP_FHIR("dxaflow.report.gp-fhir");

    private final String queue;

    Destination(String queue) {
        this.queue = queue;
    }

    public String queue() {
        return queue;
    }
}
