package org.dxaflow.report.fhir;

import org.dxaflow.report.ReportChannel;
import org.dxaflow.report.ReportDocument;

/**
 * A report version to the GP's FHIR endpoint as one transaction Bundle. Conditional operations on
 * business identifiers make a resend or a later version update what is there, never a second copy.
 */
public final class FhirChannel implements ReportChannel {

    private final ReportBundleBuilder builder;
    private final FhirSender sender;

    public FhirChannel(ReportBundleBuilder builder, FhirSender sender) {
        this.builder = builder;
        this.sender = sender;
    }

    @Override
    public void send(ReportDocument doc, byte[] pdf, String controlId) {
        sender.send(builder.build(doc, pdf));
    }
}
