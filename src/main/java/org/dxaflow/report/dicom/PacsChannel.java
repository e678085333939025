package org.dxaflow.report.dicom;

import org.dxaflow.report.ReportChannel;
import org.dxaflow.report.ReportDocument;

import org.dxaflow.dicom.data.Attributes;

import java.util.List;

/**
 * A report version to PACS: its Comprehensive SR and its encapsulated PDF, C-STOREd on one
 * association. Both carry the version's own SOP Instance UIDs, so a resend is the same instances
 * (a PACS answers success and keeps one copy). With storage commitment the PACS must also confirm
 * it keeps both before the delivery is done.
 */
public final class PacsChannel implements ReportChannel {

    private final ReportSrWriter sr;
    private final EncapsulatedPdfWriter pdf;
    private final PacsSender sender;
    private final PacsCommitment commitment;

    /** @param commitment null when the PACS is not asked for storage commitment */
    public PacsChannel(ReportSrWriter sr, EncapsulatedPdfWriter pdf, PacsSender sender, PacsCommitment commitment) {
        this.sr = sr;
        this.pdf = pdf;
        this.sender = sender;
        this.commitment = commitment;
    }

    @Override
    public void send(ReportDocument doc, byte[] pdfBytes, String controlId) {
        List<Attributes> objects = List.of(sr.write(doc), pdf.write(doc, pdfBytes));
        sender.send(objects);
        if (commitment != null) {
            commitment.confirm(objects);
        }
    }
}
