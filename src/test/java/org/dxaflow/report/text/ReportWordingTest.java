package org.dxaflow.report.text;

import org.dxaflow.conf.ConfException;
import org.dxaflow.report.ReportDocument;
import org.dxaflow.report.ReportSection;
import org.dxaflow.report.ReportText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The worked examples (arithmetic in {@link WordingExamples}); the expected words come from the rules
 * the templates cite (WHO TRS 843 categories, ISCD Z-score wording, the seed's further-investigation
 * indications), written out here, not taken from the code.
 */
class ReportWordingTest {

    private final ReportWording wording = new ReportWording(WordingExamples.CONF);

    private ReportText render(ReportDocument doc) {
        return wording.render(doc);
    }

    private static String section(ReportText t, String key) {
        return t.section(key).map(ReportSection::text).orElse("");
    }

    @Test
    void normal() {
        ReportText t = render(WordingExamples.normal());
        assertTrue(section(t, "interpretation").contains("WHO category: normal bone density (lowest T-score -0.1"),
                section(t, "interpretation"));
        assertTrue(t.conclusion().startsWith("Normal bone density (WHO), lowest T-score -0.1 at the femoral neck (left)."),
                t.conclusion());
        assertFalse(t.plainText().contains("WHO category: osteo"));
        // nothing to investigate: the section is left out
        assertTrue(t.section("investigation").isEmpty());
        assertTrue(section(t, "followUp").startsWith("A repeat scan is not routinely needed"));
    }

    @Test
    void osteopeniaWithFraxFromTheReferral() {
        ReportText t = render(WordingExamples.osteopenia());
        assertTrue(section(t, "interpretation").contains("WHO category: osteopenia (low bone mass) (lowest T-score -1.3"));
        assertTrue(section(t, "results").contains("- Femoral neck (left): BMD 0.700 g/cm², T-score -1.3."));
        assertTrue(section(t, "results").contains("- Total hip (left): BMD 0.850 g/cm², T-score -0.8."));
        String frax = section(t, "frax");
        assertTrue(frax.contains("major osteoporotic 14 %, hip 3.2 %, NOGG zone AMBER"), frax);
        assertTrue(frax.contains("femoral neck BMD 0.700 g/cm² (left)") && frax.contains("https://www.sheffield.ac.uk/FRAX"), frax);
    }

    @Test
    void osteoporosis() {
        ReportText t = render(WordingExamples.osteoporosis());
        assertTrue(section(t, "interpretation").contains("WHO category: osteoporosis (lowest T-score -2.7"));
        assertTrue(t.conclusion().startsWith("Osteoporosis (WHO), lowest T-score -2.7"));
        assertTrue(section(t, "investigation").contains("baseline investigations"));
    }

    @Test
    void severeOsteoporosisWithAFragilityFracture() {
        ReportText t = render(WordingExamples.severe());
        assertTrue(section(t, "interpretation").contains("WHO category: severe (established) osteoporosis"));
        assertTrue(section(t, "interpretation").contains("fragility fracture"));
        assertTrue(t.conclusion().startsWith("Severe (established) osteoporosis (WHO)"), t.conclusion());
    }

    @Test
    void underFiftyGetsTheZScoreStatementNotACategory() {
        ReportText t = render(WordingExamples.underFifty());
        String i = section(t, "interpretation");
        assertFalse(i.contains("WHO category:"), i);
        assertTrue(i.contains("the WHO categories do not apply"), i);
        assertTrue(i.contains("The lowest Z-score is -0.8: bone density within the expected range for age"), i);
        assertTrue(t.section("investigation").isEmpty());
    }

    @Test
    void underFiftyWithZAtOrBelowMinusTwoIsBelowTheExpectedRangeAndFlagged() {
        ReportText t = render(WordingExamples.underFiftyLowZ());
        assertTrue(section(t, "interpretation").contains("The lowest Z-score is -2.3: bone density below the expected range for age"));
        String inv = section(t, "investigation");
        assertTrue(inv.contains("Low bone density for age: Z-score -2.3 at the femoral neck (left)"), inv);
        assertTrue(t.conclusion().contains("below the expected range for age"), t.conclusion());
    }

    @Test
    void menopausalStatusNotStatedIsNotClassifiedAndSaysSo() {
        ReportText t = render(WordingExamples.menopausalStatusNotStated());
        String i = section(t, "interpretation");
        assertTrue(i.contains("Not classified: menopausal status not stated"), i);
        assertTrue(i.contains("NEEDS REVIEW BY A REPORTER"), i);
        // never a reassuring default: no category and no Z-score wording
        assertFalse(i.contains("WHO category:"), i);
        assertFalse(i.contains("within the expected range"), i);
        assertTrue(t.conclusion().startsWith("Not classified: menopausal status not stated."), t.conclusion());
        assertTrue(section(t, "followUp").startsWith("No follow-up interval is suggested"));
    }

    @Test
    void excludedVertebraIsNamedWithItsReason() {
        ReportText t = render(WordingExamples.excludedVertebra());
        String tech = section(t, "technical");
        assertTrue(tech.contains("Vertebra L1 is proposed for exclusion"), tech);
        assertTrue(tech.contains("higher by more than 1.0 than adjacent L2"), tech);
        assertTrue(tech.contains("The lumbar spine result is for L2-L4."), tech);
        assertTrue(section(t, "results").contains("Lumbar spine L2-L4: BMD 0.869 g/cm², T-score -2.3 (scanner)"));
    }

    @Test
    void significantLossIsCalledSignificantAgainstItsLsc() {
        ReportText t = render(WordingExamples.significantLoss());
        String r = section(t, "results");
        assertTrue(r.contains("Femoral neck (left): 0.600 g/cm² now, 0.650 before; change -0.050 g/cm² (-7.7 %),"
                + " least significant change (LSC) 0.035 g/cm²: significant."), r);
        assertTrue(r.contains("Total hip (left): 0.700 g/cm² now, 0.705 before; change -0.005 g/cm² (-0.7 %),"
                + " least significant change (LSC) 0.025 g/cm²: not significant."), r);
        assertTrue(section(t, "investigation").contains("Significant bone loss since the previous scan, Femoral neck (left):"
                + " -0.050 g/cm² (-7.7 %), at least the LSC of 0.035 g/cm²"));
        assertTrue(section(t, "technical").contains("default least significant change"));
        assertTrue(section(t, "followUp").contains("significant loss"));
    }

    @Test
    void sectionsComeInTheDocumentedOrderWithConfiguredHeadings() {
        ReportText t = render(WordingExamples.significantLoss());
        assertEquals(List.of("technical", "results", "interpretation", "investigation", "followUp", "frax"),
                t.sections().stream().map(ReportSection::key).toList());
        assertEquals("Technical validity", t.sections().get(0).heading());
        assertTrue(t.conclusion().endsWith("PRELIMINARY: not yet verified by a reporter."), t.conclusion());
    }

    @Test
    void verifiedNamesTheReporterAndCarriesTheAddendum() {
        ReportDocument v = WordingExamples.verified(WordingExamples.osteopenia(), wording);
        ReportText t = v.text();
        assertTrue(t.conclusion().contains("Verified by Dr Ada Lovelace, Consultant radiologist, 28 Nov 2026 11:15."),
                t.conclusion());
        assertFalse(t.conclusion().contains("PRELIMINARY"));
        assertEquals("Reviewed with the images.", section(t, "addendum"));
    }

    @Test
    void amendmentGivesItsReason() {
        ReportDocument a = WordingExamples.amended(WordingExamples.verified(WordingExamples.osteopenia(), wording),
                "wrong side recorded", "The femoral neck measured was the right.");
        String text = section(render(a), "amendment");
        assertTrue(text.startsWith("This report was amended. Reason: wrong side recorded."), text);
        assertTrue(text.contains("The femoral neck measured was the right."));
    }

    @Test
    void aReportersOwnReportWithoutAResult() {
        ReportText t = render(WordingExamples.reporterOnly("Scan not analysable: hip prosthesis. Spine L1-L4 only."));
        assertEquals("Scan not analysable: hip prosthesis. Spine L1-L4 only.", section(t, "reporterText"));
        assertTrue(t.section("results").isEmpty());
        assertTrue(t.section("frax").isEmpty());
        assertTrue(section(t, "technical").contains("No automated result"));
    }

    @Test
    void aBrokenTemplateStopsStartUpWithItsFileName(@TempDir Path dir) throws IOException {
        Path conf = copyConf(dir);
        Files.writeString(conf.resolve("report/frax.mustache"), "{{#hasResult}} unclosed");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ReportWording(conf));
        assertTrue(e.getMessage().contains("frax.mustache"), e.getMessage());
    }

    @Test
    void aMissingHeadingStopsStartUpWithTheYamlFile(@TempDir Path dir) throws IOException {
        Path conf = copyConf(dir);
        Path yaml = conf.resolve("report/report.yaml");
        Files.writeString(yaml, Files.readString(yaml).replace("  frax: \"Fracture risk (FRAX / NOGG)\"\n", ""));
        ConfException e = assertThrows(ConfException.class, () -> new ReportWording(conf));
        assertTrue(e.getMessage().contains("report.yaml") && e.getMessage().contains("frax"), e.getMessage());
    }

    static Path copyConf(Path dir) throws IOException {
        Path conf = dir.resolve("conf");
        Files.createDirectories(conf.resolve("report"));
        Files.createDirectories(conf.resolve("densitometry"));
        try (Stream<Path> files = Files.list(Path.of("conf/report"))) {
            for (Path f : files.toList()) {
                Files.copy(f, conf.resolve("report").resolve(f.getFileName()));
            }
        }
        Files.copy(Path.of("conf/densitometry/settings.yaml"), conf.resolve("densitometry/settings.yaml"));
        return conf;
    }
}
