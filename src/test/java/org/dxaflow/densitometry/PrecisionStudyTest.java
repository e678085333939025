package org.dxaflow.densitometry;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.dxaflow.densitometry.Fixtures.d;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ISCD precision: RMS-SD of each patient's repeated scans, LSC = 2.77 × RMS-SD, 30 degrees of freedom. */
class PrecisionStudyTest {

    private final PrecisionStudy study = new PrecisionStudy();

    private static PrecisionStudy.Scan s(String patient, String region, String bmd) {
        return new PrecisionStudy.Scan(patient, region, d(bmd));
    }

    @Test
    void pairsAndTriplesWorkedByHand() {
        // FEMORAL_NECK pairs: p1 0.800/0.810 -> mean 0.805, variance (0.005² + 0.005²) / 1 = 0.00005
        //                     p2 0.700/0.690 -> variance 0.00005
        //   RMS-SD = √((0.00005 + 0.00005) / 2) = √0.00005 = 0.0070711 -> 0.0071; LSC = 2.77 × 0.0070711 = 0.01959 -> 0.020
        // L1-L4 triples: p1 1.000/1.010/1.020 -> mean 1.010, variance (0.0001 + 0 + 0.0001) / 2 = 0.0001
        //                p2 0.900 ×3 -> variance 0; RMS-SD = √(0.0001 / 2) = 0.0070711; LSC 0.020; dof 2 + 2 = 4
        List<PrecisionStudy.RegionPrecision> r = study.compute(List.of(
                s("p1", "FEMORAL_NECK", "0.800"), s("p1", "FEMORAL_NECK", "0.810"),
                s("p2", "FEMORAL_NECK", "0.700"), s("p2", "FEMORAL_NECK", "0.690"),
                s("p1", "L1-L4", "1.000"), s("p1", "L1-L4", "1.010"), s("p1", "L1-L4", "1.020"),
                s("p2", "L1-L4", "0.900"), s("p2", "L1-L4", "0.900"), s("p2", "L1-L4", "0.900")));
        PrecisionStudy.RegionPrecision neck = r.get(0);
        assertEquals("FEMORAL_NECK", neck.region());
        assertEquals(d("0.0071"), neck.rmsSd());
        assertEquals(d("0.020"), neck.lsc());
        assertEquals(2, neck.degreesOfFreedom());
        assertFalse(neck.meetsIscdSize());
        PrecisionStudy.RegionPrecision spine = r.get(1);
        assertEquals(d("0.020"), spine.lsc());
        assertEquals(4, spine.degreesOfFreedom());
        assertEquals(6, spine.scans());
    }

    @Test
    void thirtyPatientsTwiceMeetTheIscdSize() {
        List<PrecisionStudy.Scan> scans = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            scans.add(s("p" + i, "TOTAL_HIP", "0.900"));
            scans.add(s("p" + i, "TOTAL_HIP", "0.920"));
        }
        // each variance (0.01² × 2) / 1 = 0.0002; RMS-SD = √0.0002 = 0.0141421; LSC = 2.77 × 0.0141421 = 0.03917 -> 0.039
        PrecisionStudy.RegionPrecision hip = study.compute(scans).get(0);
        assertEquals(30, hip.degreesOfFreedom());
        assertTrue(hip.meetsIscdSize());
        assertEquals(d("0.039"), hip.lsc());
    }

    @Test
    void aSingleScanIsNoPrecision() {
        assertThrows(IllegalArgumentException.class, () -> study.compute(List.of(s("p1", "TOTAL_HIP", "0.9"),
                s("p1", "TOTAL_HIP", "0.91"), s("p2", "TOTAL_HIP", "0.8"))));
    }
}
