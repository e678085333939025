package org.dxaflow.report.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Measurement;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.SiteResult;
import org.dxaflow.densitometry.WhoCategory;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DicomFile;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.sr.SrItem;
import org.dxaflow.order.PersonName;
import org.dxaflow.dicom.sr.SrTree;
import org.dxaflow.dicom.testing.Dcmtk;
import org.dxaflow.report.ReportCodes;
import org.dxaflow.report.ReportCodesLoader;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportExamples;
import org.dxaflow.results.MappedResult;
import org.dxaflow.results.mapping.MappingOutcome;
import org.dxaflow.results.mapping.ResultMappings;
import org.dxaflow.worklist.WorklistDataSet;
import org.dxaflow.worklist.WorklistIdentity;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ReportSrWriterTest {

    static final ReportCodes CODES = new ReportCodesLoader().load(Path.of("conf"));
    static final ReportDicomSettings SETTINGS = new ReportDicomSettings(
            new WorklistIdentity(new WorklistDataSet("99DXAFLOW"), "LOCAL"), "DXA Service, Example Hospital",
            ZoneId.of("Europe/London"));
    private static final ResultMappings MAPPINGS = ResultMappings.load(Path.of("mappings/results"));

    @TempDir
    Path tmp;

    private final ReportSrWriter writer = new ReportSrWriter(CODES, SETTINGS);

    static Stream<Arguments> documents() {
        ReportDocument preliminary = ReportExamples.postmenopausalWithPrior();
        return Stream.of(Arguments.of("preliminary", preliminary),
                Arguments.of("final", ReportExamples.verified(preliminary)),
                Arguments.of("under-50", ReportExamples.underFifty()));
    }

    private Path file(Attributes sr, String name) throws Exception {
        Path f = tmp.resolve(name + ".dcm");
        DicomFile.of(sr, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN).write(f);
        return f;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void dsrdumpReadsItWithoutErrorOrWarning(String name, ReportDocument doc) throws Exception {
        Path f = file(writer.write(doc), name);
        Dcmtk.Result r = Dcmtk.run("dsrdump", "-Ee", f.toString()).assertOk();
        assertEquals("", r.stderr().strip(), r.output());
        for (String line : r.stdout().split("\n")) {
            assertFalse(line.startsWith("W:") || line.startsWith("E:"), line + "\n" + r.output());
        }
        // and it is the document we wrote, not an empty shell
        assertTrue(r.utf8().contains("Comprehensive SR"), r.utf8());
        assertTrue(r.utf8().contains("DXA Bone density study"), r.utf8());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void theShippedLoincSrMappingReadsBackEverySiteAndSide(String name, ReportDocument doc) throws Exception {
        Attributes back = DicomFile.read(file(writer.write(doc), name)).dataSet();
        MappingOutcome o = MAPPINGS.readSr(back);
        assertTrue(o.isMapped(), o.error());
        MappedResult r = o.result();
        assertEquals("loinc-sr", r.mapping());
        List<SiteResult> sites = doc.result().sites();
        assertEquals(sites.size(), r.measurements().size(), r.measurements().toString());
        for (SiteResult s : sites) {
            Measurement m = r.measurements().stream()
                    .filter(x -> x.site() == s.site() && x.laterality() == midlineAware(s))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + s.site() + " " + s.laterality()
                            + " read back: " + r.measurements()));
            assertSame(s.bmd(), m.bmd(), s.site() + " BMD");
            assertSame(s.tScore(), m.vendorTScore(), s.site() + " T-score");
            assertSame(s.zScore(), m.vendorZScore(), s.site() + " Z-score");
        }
    }

    @Test
    void numValuesAreTheResultsDigitsAsGiven() throws Exception {
        ReportDocument doc = ReportExamples.postmenopausalWithPrior();
        SrItem root = SrTree.read(DicomFile.read(file(writer.write(doc), "digits")).dataSet());
        List<String> written = root.children().stream().filter(SrItem::isNum).map(SrItem::text).toList();
        List<String> expected = new ArrayList<>();
        for (SiteResult s : doc.result().sites()) {
            Stream.of(s.bmd(), s.tScore(), s.zScore()).filter(Objects::nonNull)
                    .forEach(v -> expected.add(v.toPlainString()));
        }
        assertEquals(expected, written);
        // the femoral neck code (LOINC 24701-5) does not say the region: its finding site does, with its side
        SrItem neck = root.children().stream().filter(i -> i.isNum() && i.name().is("24701-5", "LN"))
                .findFirst().orElseThrow();
        assertEquals(List.of("29627003", "7771000"), neck.children().stream().map(c -> c.code().code()).toList());
        assertTrue(neck.children().stream().allMatch(SrItem::isModifier));
    }

    @Test
    void patientAndStudyAreTheWorklistItemsForTheOrder() {
        Attributes sr = writer.write(ReportExamples.postmenopausalWithPrior());
        // the example order: Mrs Jane SMITH, MRN H123456 of HOSP, born 1955-03-12, referred by Dr Sarah BROWN
        assertEquals("SMITH^Jane^^Mrs", sr.getString(Tag.PatientName));
        assertEquals("H123456", sr.getString(Tag.PatientID));
        assertEquals("HOSP", sr.getString(Tag.IssuerOfPatientID));
        assertEquals("19550312", sr.getString(Tag.PatientBirthDate));
        assertEquals("F", sr.getString(Tag.PatientSex));
        assertEquals("9434765919", sr.getItem(Tag.OtherPatientIDsSequence, 0).getString(Tag.PatientID));
        assertEquals("DXA0000042", sr.getString(Tag.AccessionNumber));
        // the worklist item carries the referrer's family and given names only
        assertEquals("BROWN^Sarah", sr.getString(Tag.ReferringPhysicianName));
        assertEquals(ReportExamples.STUDY, sr.getString(Tag.StudyInstanceUID));
        assertEquals("20261128", sr.getString(Tag.StudyDate));
        assertEquals("1.2.826.0.1.3680043.10.543.2.1", sr.getString(Tag.SeriesInstanceUID));
        assertEquals("1.2.826.0.1.3680043.10.543.2.2", sr.getString(Tag.SOPInstanceUID));
        assertEquals("1.2.840.10008.5.1.4.1.1.88.33", sr.getString(Tag.SOPClassUID));
        assertEquals("SR", sr.getString(Tag.Modality));
        assertEquals("DXA0000042", sr.getItem(Tag.ReferencedRequestSequence, 0).getString(Tag.AccessionNumber));
        assertEquals("P-1001", sr.getItem(Tag.ReferencedRequestSequence, 0)
                .getString(Tag.PlacerOrderNumberImagingServiceRequest));
    }

    @Test
    void thePatientAndStudyAttributesEqualTheWorklistItems() {
        ReportDocument doc = ReportExamples.postmenopausalWithPrior();
        Attributes sr = writer.write(doc);
        Attributes item = SETTINGS.identity().patientAndStudy(doc.order(), doc.uids().studyInstanceUid());
        for (Tag t : List.of(Tag.PatientName, Tag.PatientID, Tag.IssuerOfPatientID, Tag.PatientBirthDate,
                Tag.PatientSex, Tag.AccessionNumber, Tag.ReferringPhysicianName, Tag.StudyInstanceUID)) {
            assertEquals(item.getString(t), sr.getString(t), t.toString());
        }
    }

    @Test
    void aPreliminaryIsUnverifiedWithNoObserverOrPredecessor() {
        Attributes sr = writer.write(ReportExamples.postmenopausalWithPrior());
        assertEquals("COMPLETE", sr.getString(Tag.CompletionFlag));
        assertEquals("UNVERIFIED", sr.getString(Tag.VerificationFlag));
        assertNull(sr.getSequence(Tag.VerifyingObserverSequence));
        assertNull(sr.getSequence(ReportSrWriter.PREDECESSOR_DOCUMENTS_SEQUENCE));
        Attributes evidence = sr.getItem(Tag.CurrentRequestedProcedureEvidenceSequence, 0);
        assertEquals(ReportExamples.SCANNER_SR.studyInstanceUid(), evidence.getString(Tag.StudyInstanceUID));
        Attributes series = evidence.getItem(Tag.ReferencedSeriesSequence, 0);
        assertEquals(ReportExamples.SCANNER_SR.seriesInstanceUid(), series.getString(Tag.SeriesInstanceUID));
        assertEquals(ReportExamples.SCANNER_SR.sopInstanceUid(),
                series.getItem(Tag.ReferencedSOPSequence, 0).getString(Tag.ReferencedSOPInstanceUID));
    }

    @Test
    void aFinalNamesItsVerifierAndThePreliminaryItReplaces() {
        ReportDocument preliminary = ReportExamples.postmenopausalWithPrior();
        Attributes sr = writer.write(ReportExamples.verified(preliminary));
        assertEquals("VERIFIED", sr.getString(Tag.VerificationFlag));
        assertEquals("1.2.826.0.1.3680043.10.543.2.2.2", sr.getString(Tag.SOPInstanceUID));
        assertEquals(2, sr.getInt(Tag.InstanceNumber, -1));
        Attributes observer = sr.getItem(Tag.VerifyingObserverSequence, 0);
        assertEquals("Dr Ada Lovelace", observer.getString(Tag.VerifyingObserverName));
        assertEquals("DXA Service, Example Hospital", observer.getString(Tag.VerifyingOrganization));
        // verified 2026-11-28T11:15:00Z = 11:15 in London (GMT in November)
        assertEquals("20261128111500", observer.getString(Tag.VerificationDateTime));
        Sequence predecessor = sr.getSequence(ReportSrWriter.PREDECESSOR_DOCUMENTS_SEQUENCE);
        assertNotNull(predecessor);
        Attributes series = predecessor.get(0).getItem(Tag.ReferencedSeriesSequence, 0);
        assertEquals(preliminary.uids().srSeriesUid(), series.getString(Tag.SeriesInstanceUID));
        assertEquals(preliminary.uids().srInstanceUid(),
                series.getItem(Tag.ReferencedSOPSequence, 0).getString(Tag.ReferencedSOPInstanceUID));
    }

    @Test
    void aWhoCategoryIsCodedFromCodesYaml() {
        ReportDocument doc = ReportDicomFixtures.withWhoCategory(ReportExamples.postmenopausalWithPrior(),
                WhoCategory.OSTEOPOROSIS);
        SrItem who = whoItem(SrTree.read(writer.write(doc)));
        // codes.yaml: OSTEOPOROSIS = (64859006, SCT, "Osteoporosis")
        assertTrue(who.code().is("64859006", "SCT"), who.code().toString());
    }

    @Test
    void anUnclassifiedResultCarriesItsZScoreStatement() {
        String statement = "Z-score -2.1 is below the expected range for age.";
        ReportDocument doc = ReportDicomFixtures.withClassification(ReportExamples.underFifty(), null, statement);
        SrItem root = SrTree.read(writer.write(doc));
        assertTrue(whoItem(root).code().is("WHO-NOT-CLASS", "99DXAFLOW"));
        assertTrue(root.children().stream().anyMatch(i -> "TEXT".equals(i.valueType())
                && statement.equals(i.text())), "no TEXT with: " + statement);
    }

    @Test
    void aResultWithheldFromClassificationSaysWhyFromItsFlags() {
        for (ReportDocument doc : List.of(ReportExamples.postmenopausalWithPrior(), ReportExamples.underFifty())) {
            withheld(doc);
        }
    }

    private void withheld(ReportDocument doc) {
        assertNull(doc.result().whoCategory(), "the example's classification is withheld for review");
        assertNull(doc.result().zScoreInterpretation());
        assertFalse(doc.result().flags().isEmpty());
        SrItem root = SrTree.read(writer.write(doc));
        assertTrue(whoItem(root).code().is("WHO-NOT-CLASS", "99DXAFLOW"));
        String first = doc.result().flags().get(0).message();
        assertTrue(root.children().stream().anyMatch(i -> "TEXT".equals(i.valueType()) && i.name().is("121071",
                "DCM") && i.text().contains(first.strip())), "no TEXT with the flag: " + first);
    }

    @Test
    void latin1NamesDeclareLatin1AndOthersUtf8() throws Exception {
        ReportDocument base = ReportExamples.postmenopausalWithPrior();
        Attributes latin = writer.write(ReportDicomFixtures.withPatientName(base,
                new PersonName("MÜLLER", "Zoë", "", "")));
        assertEquals("ISO_IR 100", latin.getString(Tag.SpecificCharacterSet));
        Attributes polish = writer.write(ReportDicomFixtures.withPatientName(base,
                new PersonName("WAŁĘSA", "Łucja", "", "")));
        assertEquals("ISO_IR 192", polish.getString(Tag.SpecificCharacterSet));
        Attributes back = DicomFile.read(file(polish, "utf8")).dataSet();
        assertEquals("WAŁĘSA^Łucja", back.getString(Tag.PatientName));
        Dcmtk.run("dsrdump", file(latin, "latin1").toString()).assertOk();
    }

    @Test
    void theChangeSincePriorIsInItsOwnContainerWithTheResultsDeltas() {
        ReportDocument doc = ReportExamples.postmenopausalWithPrior();
        assertFalse(doc.result().change().isEmpty(), "the example has a prior");
        SrItem root = SrTree.read(writer.write(doc));
        SrItem change = root.children().stream().filter(i -> i.isContainer() && i.name().is("121070", "DCM"))
                .findFirst().orElseThrow();
        List<BigDecimal> deltas = change.children().stream().filter(i -> i.isNum() && i.name().is("BMD-CHANGE",
                "99DXAFLOW")).map(SrItem::number).toList();
        List<BigDecimal> expected = doc.result().change().stream().map(c -> c.deltaBmd()).filter(Objects::nonNull)
                .toList();
        assertEquals(expected, deltas);
    }

    @Test
    void everySectionAndTheConclusionAreText() {
        ReportDocument doc = ReportExamples.postmenopausalWithPrior();
        SrItem root = SrTree.read(writer.write(doc));
        List<SrItem> texts = root.children().stream().filter(i -> "TEXT".equals(i.valueType())).toList();
        assertTrue(texts.stream().anyMatch(t -> t.name().is("121065", "DCM")
                && t.text().equals("Technical validity\nAll sites evaluable.")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.name().is("121071", "DCM")
                && t.text().equals("Interpretation\nBone density is low.")), texts.toString());
        assertTrue(texts.stream().anyMatch(t -> t.name().is("121073", "DCM")
                && t.text().equals("Osteoporosis at the femoral neck.")), texts.toString());
        assertFalse(texts.stream().anyMatch(t -> t.text().contains("not the ordered study")));
    }

    private static SrItem whoItem(SrItem root) {
        return root.children().stream().filter(i -> "CODE".equals(i.valueType()) && i.name().is("WHO-CATEGORY",
                "99DXAFLOW")).findFirst().orElseThrow(() -> new AssertionError("no WHO category item"));
    }

    /** The mapping drops a side on a midline site (the spine); a sided site keeps it. */
    private static Laterality midlineAware(SiteResult s) {
        return s.site().isLumbar() ? null : s.laterality();
    }

    private static void assertSame(BigDecimal expected, BigDecimal actual, String what) {
        if (expected == null) {
            assertNull(actual, what);
            return;
        }
        assertNotNull(actual, what);
        assertEquals(0, expected.compareTo(actual), what + ": " + expected + " vs " + actual);
    }
}
