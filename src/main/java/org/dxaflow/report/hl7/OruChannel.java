package org.dxaflow.report.hl7;

import org.dxaflow.report.ReportChannel;
import org.dxaflow.report.ReportDocument;

import java.time.Clock;

/**
 * A report version as ORU^R01 to an HL7 receiver (the RIS, a GP system). MSH-10 is the delivery's
 * control id, the same on every retry, so a receiver that saw the first attempt can tell.
 */
public final class OruChannel implements ReportChannel {

    private final ReportOruBuilder builder;
    private final OruSender sender;
    private final String receivingApplication;
    private final String receivingFacility;
    private final boolean embedPdf;
    private final Clock clock;

    public OruChannel(ReportOruBuilder builder, OruSender sender, String receivingApplication,
                      String receivingFacility, boolean embedPdf, Clock clock) {
        this.builder = builder;
        this.sender = sender;
        this.receivingApplication = receivingApplication;
        this.receivingFacility = receivingFacility;
        this.embedPdf = embedPdf;
        this.clock = clock;
    }

    @Override
    public void send(ReportDocument doc, byte[] pdf, String controlId) {
        sender.send(builder.build(doc, embedPdf ? pdf : null, controlId, receivingApplication, receivingFacility,
                clock.instant()));
    }
}
