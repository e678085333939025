package org.dxaflow.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.dxaflow.dicom.data.DataSetWriter.SequenceLength;
import org.dxaflow.dicom.testing.Dcmtk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files built with our API and written by us are valid for DCMTK and carry the values we set. */
class WrittenFilesTest {

    private static final List<TransferSyntax> SYNTAXES = List.of(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN,
            TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);

    @TempDir
    Path tmp;

    private static Attributes codeItem(Attributes item, String value, String scheme, String meaning) {
        return item.setString(Tag.CodeValue, value).setString(Tag.CodingSchemeDesignator, scheme)
                .setString(Tag.CodeMeaning, meaning);
    }

    private static Attributes worklistItem(String charset, String patientName) {
        Attributes ds = new Attributes();
        ds.setString(Tag.SpecificCharacterSet, charset);
        ds.setString(Tag.SOPClassUID, SopClass.SECONDARY_CAPTURE_IMAGE_STORAGE);
        ds.setString(Tag.SOPInstanceUID, new UidGenerator().createUid());
        ds.setString(Tag.AccessionNumber, "ACC42");
        ds.setString(Tag.PatientName, patientName);
        ds.setString(Tag.PatientID, "PID42");
        ds.setString(Tag.PatientBirthDate, "19480229");
        ds.setString(Tag.PatientSex, "F");
        ds.setNull(Tag.ReferringPhysicianName);
        ds.setString(Tag.StudyInstanceUID, "1.2.826.0.1.3680043.10.999.11");
        ds.setString(Tag.RequestedProcedureID, "RP42");
        ds.setString(Tag.RequestedProcedureDescription, "DXA Lendenwirbelsäule");
        codeItem(ds.newSequence(Tag.RequestedProcedureCodeSequence).addItem(), "77080", "CPT4", "DXA bone density");
        Attributes sps = ds.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        sps.setString(Tag.Modality, "OT");
        sps.setString(Tag.ScheduledStationAETitle, "DXA1");
        sps.setString(Tag.ScheduledProcedureStepStartDate, "20240117");
        sps.setString(Tag.ScheduledProcedureStepStartTime, "081500");
        sps.setString(Tag.ScheduledProcedureStepID, "SPS42");
        sps.setString(Tag.ScheduledProcedureStepDescription, "Knochendichte");
        sps.setString(Tag.ScheduledPerformingPhysicianName, "Weiß^Jörg");
        codeItem(sps.newSequence(Tag.ScheduledProtocolCodeSequence).addItem(), "DXA-LS", "99DXAFLOW", "Lumbar spine");
        return ds;
    }

    @Test
    void worklistItemInLatin1AndUtf8() throws Exception {
        for (String charset : List.of("ISO_IR 100", "ISO_IR 192")) {
            for (TransferSyntax ts : SYNTAXES) {
                for (SequenceLength lengths : SequenceLength.values()) {
                    Path file = tmp.resolve("mwl.dcm");
                    DicomFile.of(worklistItem(charset, "Müller^Jürgen"), ts).write(file, lengths);
                    Dcmtk.Result r = Dcmtk.dcmdump(file, "+U8").assertOk();
                    assertEquals("", r.stderr(), r.stderr());
                    String out = r.utf8();
                    assertTrue(out.contains("(0010,0010) PN [Müller^Jürgen]"), out);
                    assertTrue(out.contains("(0040,0006) PN [Weiß^Jörg]"), out);
                    assertTrue(out.contains("(0032,1060) LO [DXA Lendenwirbelsäule]"), out);
                    assertTrue(out.contains("(0040,0001) AE [DXA1]"), out);
                    assertTrue(out.contains("(0008,0090) PN (no value available)"), out);
                    assertTrue(out.contains("(0008,0100) SH [DXA-LS]"), out);
                }
            }
        }
    }

    @Test
    void latin1BytesAreLatin1AndUtf8BytesAreUtf8() throws Exception {
        Path latin = tmp.resolve("latin.dcm");
        DicomFile.of(worklistItem("ISO_IR 100", "Müller^Jürgen"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(latin);
        String raw = Dcmtk.dcmdump(latin).assertOk().stdout(); // no conversion: the file's own bytes
        assertTrue(raw.contains("[Müller^Jürgen]"), "Latin-1: one byte per umlaut");
        Path utf = tmp.resolve("utf.dcm");
        DicomFile.of(worklistItem("ISO_IR 192", "Müller^Jürgen"), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(utf);
        String rawUtf = Dcmtk.dcmdump(utf).assertOk().utf8();
        assertTrue(rawUtf.contains("[Müller^Jürgen]"), "UTF-8 bytes");
        assertTrue(rawUtf.contains("#  16, 1 PatientName"), "two bytes per umlaut: 14 + 2 = 16");
    }

    @Test
    void utf8NamesWithComponentGroups() throws Exception {
        Attributes ds = worklistItem("ISO_IR 192", "Yamada^Tarou=山田^太郎=やまだ^たろう");
        Path file = tmp.resolve("jp.dcm");
        DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(file);
        String out = Dcmtk.dcmdump(file, "+U8").assertOk().utf8();
        assertTrue(out.contains("(0010,0010) PN [Yamada^Tarou=山田^太郎=やまだ^たろう]"), out);
    }

    @Test
    void basicTextSrPassesDsrdump() throws Exception {
        Attributes sr = new Attributes();
        sr.setString(Tag.SpecificCharacterSet, "ISO_IR 192");
        sr.setString(Tag.SOPClassUID, SopClass.BASIC_TEXT_SR_STORAGE);
        UidGenerator uids = new UidGenerator();
        sr.setString(Tag.SOPInstanceUID, uids.createUid());
        sr.setString(Tag.StudyInstanceUID, uids.createUid());
        sr.setString(Tag.SeriesInstanceUID, uids.createUid());
        sr.setString(Tag.StudyDate, "20240115");
        sr.setString(Tag.StudyTime, "093000");
        sr.setString(Tag.ContentDate, "20240115");
        sr.setString(Tag.ContentTime, "094512");
        sr.setString(Tag.Modality, "SR");
        sr.setString(Tag.Manufacturer, "dxaflow");
        sr.setNull(Tag.AccessionNumber);
        sr.setNull(Tag.ReferringPhysicianName);
        sr.setString(Tag.PatientName, "Müller^Jürgen");
        sr.setString(Tag.PatientID, "PID42");
        sr.setNull(Tag.PatientBirthDate);
        sr.setString(Tag.PatientSex, "M");
        sr.setNull(Tag.StudyID);
        sr.setInt(Tag.SeriesNumber, 1);
        sr.setInt(Tag.InstanceNumber, 1);
        sr.newSequence(Tag.ReferencedPerformedProcedureStepSequence);
        sr.newSequence(Tag.PerformedProcedureCodeSequence);
        sr.setString(Tag.CompletionFlag, "COMPLETE");
        sr.setString(Tag.VerificationFlag, "UNVERIFIED");
        sr.setString(Tag.ValueType, "CONTAINER");
        sr.setString(Tag.ContinuityOfContent, "SEPARATE");
        codeItem(sr.newSequence(Tag.ConceptNameCodeSequence).addItem(), "18748-4", "LN", "Diagnostic Imaging Report");
        Attributes text = sr.newSequence(Tag.ContentSequence).addItem();
        text.setString(Tag.RelationshipType, "CONTAINS");
        text.setString(Tag.ValueType, "TEXT");
        codeItem(text.newSequence(Tag.ConceptNameCodeSequence).addItem(), "121071", "DCM", "Finding");
        text.setString(Tag.TextValue, "Osteopenie, T-Score -1.8");
        for (SequenceLength lengths : SequenceLength.values()) {
            Path file = tmp.resolve("sr.dcm");
            DicomFile.of(sr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(file, lengths);
            Dcmtk.Result r = Dcmtk.run("dsrdump", "+U8", file.toString()).assertOk();
            // DCMTK 3.6.7's VR checker only knows single byte sets; anything else is a real warning
            String warnings = r.stderr().replace(
                    "W: The VR checker does not support this Specific Character Set: ISO_IR 192\n", "");
            assertEquals("", warnings, r.stderr());
            assertTrue(r.utf8().contains("Basic Text SR Document"), r.utf8());
            assertTrue(r.utf8().contains("<contains TEXT:(,,\"Finding\")=\"Osteopenie, T-Score -1.8\">"), r.utf8());
            assertTrue(r.utf8().contains("Müller^Jürgen"), r.utf8());
        }
    }

    @Test
    void encapsulatedPdf() throws Exception {
        byte[] pdf = "%PDF-1.4\n%dxaflow test\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals(29, pdf.length, "odd on purpose");
        Attributes ds = new Attributes();
        ds.setString(Tag.SOPClassUID, SopClass.ENCAPSULATED_PDF_STORAGE);
        ds.setString(Tag.SOPInstanceUID, "1.2.826.0.1.3680043.10.999.12");
        ds.setString(Tag.Modality, "DOC");
        ds.setString(Tag.DocumentTitle, "DXA report");
        ds.setString(Tag.MIMETypeOfEncapsulatedDocument, "application/pdf");
        ds.setBytes(Tag.EncapsulatedDocument.value(), VR.OB, pdf);
        ds.setLong(Tag.EncapsulatedDocumentLength.value(), VR.UL, pdf.length);
        Path file = tmp.resolve("pdf.dcm");
        DicomFile.of(ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(file);
        String out = Dcmtk.dcmdump(file).assertOk().stdout();
        assertTrue(out.contains("(0042,0012) LO [application/pdf]"), out);
        assertTrue(out.contains("(0042,0011) OB 25\\50\\44\\46"), out);
        assertTrue(out.contains("#  30, 1 EncapsulatedDocument"), "padded to even length: " + out);
        byte[] back = DicomFile.read(file).dataSet().getBytes(Tag.EncapsulatedDocument.value());
        assertEquals(30, back.length);
        assertEquals(0, back[29], "OB pads with NUL");
        // DCMTK's dcm2pdf extracts the document without the padding (EncapsulatedDocumentLength)
        Path extracted = tmp.resolve("out.pdf");
        Dcmtk.run("dcm2pdf", file.toString(), extracted.toString()).assertOk();
        org.junit.jupiter.api.Assertions.assertArrayEquals(pdf, Files.readAllBytes(extracted));
    }
}
