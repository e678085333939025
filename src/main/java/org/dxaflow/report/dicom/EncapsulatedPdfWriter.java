package org.dxaflow.report.dicom;

import java.util.Arrays;
import java.util.Objects;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DateTimes;
import org.dxaflow.dicom.data.SopClass;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.VR;
import org.dxaflow.report.ReportCodes;
import org.dxaflow.report.ReportDocument;

/**
 * The printed report as an Encapsulated PDF (PS3.3 A.45.1) in the scan's study, next to the SR: a
 * PACS viewer that renders no SR still shows the report as the referrer reads it.
 */
public final class EncapsulatedPdfWriter {

    /** The PDF's series number: after the SR's, apart from the scanner's series. */
    static final int SERIES_NUMBER = 902;
    /** Encapsulated Document Length (0042,0015) UL, not in the shared Tag dictionary (PS3.6). */
    static final int ENCAPSULATED_DOCUMENT_LENGTH = 0x00420015;
    /** Acquisition DateTime (0008,002A) DT, type 2 in C.24.2; not in the shared Tag dictionary. */
    static final int ACQUISITION_DATE_TIME = 0x0008002A;
    /** PDF 1.x files begin with this (ISO 32000-1 7.5.2). */
    private static final byte[] PDF_MAGIC = {'%', 'P', 'D', 'F', '-'};

    private final ReportCodes codes;
    private final ReportHeader header;

    /** With {@link ReportDicomSettings#defaults()}. */
    public EncapsulatedPdfWriter(ReportCodes codes) {
        this(codes, ReportDicomSettings.defaults());
    }

    public EncapsulatedPdfWriter(ReportCodes codes, ReportDicomSettings settings) {
        this.codes = Objects.requireNonNull(codes, "codes");
        this.header = new ReportHeader(Objects.requireNonNull(settings, "settings"));
    }

    /**
     * @param pdf the rendered report, as the referrer gets it
     * @throws IllegalArgumentException not a PDF (it would be filed as one and fail to open)
     */
    public Attributes write(ReportDocument doc, byte[] pdf) {
        if (pdf == null || pdf.length < PDF_MAGIC.length
                || !Arrays.equals(Arrays.copyOf(pdf, PDF_MAGIC.length), PDF_MAGIC)) {
            throw new IllegalArgumentException("not a PDF document (no %PDF- header)");
        }
        Attributes ds = header.write(doc, SopClass.ENCAPSULATED_PDF_STORAGE, doc.uids().pdfSeriesUid(),
                doc.uids().pdfInstanceUid(), "DOC", SERIES_NUMBER, "DXA report (PDF)");

        // SC Equipment (C.8.6.1): WSD = workstation, the document was made, not scanned
        ds.setString(Tag.ConversionType, "WSD");

        // Encapsulated Document (C.24.2)
        ds.setString(ACQUISITION_DATE_TIME, VR.DT, DateTimes.formatDT(header.local(doc.createdAt()).withNano(0)));
        ds.setString(Tag.BurnedInAnnotation, "YES"); // the PDF shows the patient's name and identifiers
        String title = codes.title().meaning() + " (" + doc.status().name().toLowerCase(java.util.Locale.ROOT)
                + ", version " + doc.version() + ")";
        ds.setString(Tag.DocumentTitle, title);
        codes.title().writeTo(ds.newSequence(Tag.ConceptNameCodeSequence).addItem());
        ds.setString(Tag.VerificationFlag, doc.status().srVerificationFlag());
        ds.setString(Tag.MIMETypeOfEncapsulatedDocument, "application/pdf");
        ReportHeader.characterSet(ds); // before the document: its bytes are not text
        // OB values are even length: a trailing NUL pads an odd PDF (C.24.2.1), and the length
        // attribute tells a reader where the document really ends.
        byte[] value = pdf.length % 2 == 0 ? pdf : Arrays.copyOf(pdf, pdf.length + 1);
        ds.setBytes(Tag.EncapsulatedDocument.value(), VR.OB, value);
        ds.setLong(ENCAPSULATED_DOCUMENT_LENGTH, VR.UL, pdf.length);
        return ds;
    }
}
