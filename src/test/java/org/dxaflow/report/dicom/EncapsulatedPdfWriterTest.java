package org.dxaflow.report.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportExamples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncapsulatedPdfWriterTest {

    /** A minimal one-page PDF, odd in length on purpose (the OB value must be padded). */
    static byte[] pdf() {
        String body = "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
                + "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
                + "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";
        byte[] b = body.getBytes(StandardCharsets.US_ASCII);
        return b.length % 2 == 1 ? b : Arrays.copyOf(b, b.length + 1); // a trailing NUL keeps it a PDF
    }

    @TempDir
    Path tmp;

    private final EncapsulatedPdfWriter writer = new EncapsulatedPdfWriter(ReportSrWriterTest.CODES,
            ReportSrWriterTest.SETTINGS);

    private Path file(Attributes ds) throws Exception {
        Path f = tmp.resolve("report-pdf.dcm");
        DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(f);
        return f;
    }

    @Test
    void dcmdumpReadsItCleanlyAndDcm2pdfGivesBackTheSameBytes() throws Exception {
        byte[] pdf = pdf();
        assertEquals(1, pdf.length % 2);
        Path f = file(writer.write(ReportExamples.verified(ReportExamples.postmenopausalWithPrior()), pdf));
        Dcmtk.Result dump = Dcmtk.run("dcmdump", "-dc", "+E", f.toString()).assertOk();
        assertEquals("", dump.stderr().strip(), dump.output());
        assertFalse(dump.stdout().contains("W:") || dump.stdout().contains("E:"), dump.output());
        assertTrue(dump.stdout().contains("application/pdf"), dump.stdout());

        Path out = tmp.resolve("out.pdf");
        Dcmtk.Result extract = Dcmtk.run("dcm2pdf", f.toString(), out.toString()).assertOk();
        assertEquals("", extract.stderr().strip(), extract.output());
        byte[] extracted = Files.readAllBytes(out);
        // dcm2pdf writes the OB value as it is, padding and all (DCMTK 3.6.7 ignores the length attribute)
        assertArrayEquals(pdf, Arrays.copyOf(extracted, pdf.length));
        assertTrue(extracted.length == pdf.length || extracted.length == pdf.length + 1);
    }

    @Test
    void theDocumentReadsBackWithItsLengthAndPadding() throws Exception {
        byte[] pdf = pdf();
        ReportDocument doc = ReportExamples.postmenopausalWithPrior();
        Attributes back = DicomFile.read(file(writer.write(doc, pdf))).dataSet();
        byte[] value = back.getBytes(Tag.EncapsulatedDocument.value());
        assertEquals(0, value.length % 2);
        assertEquals(pdf.length + 1, value.length);
        assertEquals(0, value[value.length - 1]);
        assertArrayEquals(pdf, Arrays.copyOf(value, pdf.length));
        assertEquals(pdf.length, back.getLongs(EncapsulatedPdfWriter.ENCAPSULATED_DOCUMENT_LENGTH)[0]);

        assertEquals("1.2.840.10008.5.1.4.1.1.104.1", back.getString(Tag.SOPClassUID));
        assertEquals("1.2.826.0.1.3680043.10.543.2.3", back.getString(Tag.SeriesInstanceUID));
        assertEquals("1.2.826.0.1.3680043.10.543.2.4", back.getString(Tag.SOPInstanceUID));
        assertEquals(ReportExamples.STUDY, back.getString(Tag.StudyInstanceUID));
        assertEquals("DOC", back.getString(Tag.Modality));
        assertEquals("application/pdf", back.getString(Tag.MIMETypeOfEncapsulatedDocument));
        assertEquals("YES", back.getString(Tag.BurnedInAnnotation));
        assertEquals("WSD", back.getString(Tag.ConversionType));
        assertEquals("38269-7", back.getItem(Tag.ConceptNameCodeSequence, 0).getString(Tag.CodeValue));
        assertTrue(back.getString(Tag.DocumentTitle).startsWith("DXA Bone density study"));
        // the same patient and study as the SR
        Attributes sr = new ReportSrWriter(ReportSrWriterTest.CODES, ReportSrWriterTest.SETTINGS).write(doc);
        for (Tag t : new Tag[] {Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID, Tag.PatientBirthDate,
                Tag.PatientSex, Tag.AccessionNumber, Tag.ReferringPhysicianName, Tag.StudyDate, Tag.StudyID}) {
            assertEquals(sr.getString(t), back.getString(t), t.toString());
        }
        assertEquals("H123456", back.getString(Tag.PatientID));
    }

    @Test
    void somethingElseThanAPdfIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> writer.write(ReportExamples.underFifty(),
                "<html>".getBytes(StandardCharsets.US_ASCII)));
    }
}
