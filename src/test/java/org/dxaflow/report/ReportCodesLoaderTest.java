package org.dxaflow.report;

import org.dxaflow.conf.ConfException;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.densitometry.WhoCategory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCodesLoaderTest {

    private final ReportCodes codes = new ReportCodesLoader().load(Path.of("conf"));

    @Test
    void theShippedCodesAreTheLoincTermsTheResultsMappingReads() {
        MeasurementCode spine = codes.measurement(Site.L1_L4, null, ReportQuantity.BMD).orElseThrow();
        assertEquals("24966-4", spine.code().value());
        assertTrue(spine.needsFindingSite(), "the lumbar code does not say which vertebrae");
        assertEquals("L1-L4", codes.findingSite(Site.L1_L4).value());

        MeasurementCode leftHip = codes.measurement(Site.TOTAL_HIP, Laterality.LEFT, ReportQuantity.T_SCORE).orElseThrow();
        assertEquals("80946-7", leftHip.code().value());
        assertFalse(leftHip.needsFindingSite());
        assertEquals("80945-9",
                codes.measurement(Site.TOTAL_HIP, Laterality.RIGHT, ReportQuantity.T_SCORE).orElseThrow().code().value());
        assertEquals("38264-8", codes.measurement(Site.TOTAL_HIP, null, ReportQuantity.T_SCORE).orElseThrow().code().value());
        assertEquals("80934-3",
                codes.measurement(Site.FEMORAL_NECK, Laterality.LEFT, ReportQuantity.Z_SCORE).orElseThrow().code().value());

        assertEquals("38269-7", codes.title().value());
        assertEquals("{T-score}", codes.unit(ReportQuantity.T_SCORE).value());
        assertEquals("64859006", codes.whoCategory(WhoCategory.OSTEOPOROSIS).value());
        assertEquals("http://loinc.org", codes.systemUri("LN"));
        assertEquals("http://snomed.info/sct", codes.systemUri(codes.findingSite(Site.FEMORAL_NECK).scheme()));
    }

    @Test
    void aSiteWithNoFindingSiteStopsTheLoadNamingFileAndLine(@TempDir Path dir) throws Exception {
        String shipped = Files.readString(Path.of("conf", ReportCodesLoader.FILE));
        Files.createDirectories(dir.resolve("report"));
        Files.writeString(dir.resolve(ReportCodesLoader.FILE),
                shipped.replaceAll("(?m)^  TOTAL_BODY: .*\\n", "").replace("\"64859006\", scheme: SCT", "\"64859006\", scheme: XX"));
        ConfException e = assertThrows(ConfException.class, () -> new ReportCodesLoader().load(dir));
        assertTrue(e.getMessage().contains("no finding site for TOTAL_BODY"), e.getMessage());
        assertTrue(e.getMessage().contains("coding scheme XX"), e.getMessage());
        assertTrue(e.getMessage().contains("codes.yaml:"), e.getMessage());
    }
}
