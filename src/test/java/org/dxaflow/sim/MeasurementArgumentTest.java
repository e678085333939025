package org.dxaflow.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.dxaflow.densitometry.Laterality;
import org.dxaflow.densitometry.Site;
import org.dxaflow.dxasr.MeasurementKind;
import org.dxaflow.dxasr.SiteMeasurement;
import org.junit.jupiter.api.Test;

/** The --bmd syntax: SITE[:SIDE]=BMD[,T=..][,Z=..][,BMC=..][,AREA=..]. */
class MeasurementArgumentTest {

    @Test
    void siteSideAndAllValues() {
        SiteMeasurement m = MeasurementArgument.parse("femoral_neck:left=0.701,T=-2.1,z=-0.9,BMC=3.41,AREA=4.86");
        assertEquals(Site.FEMORAL_NECK, m.site());
        assertEquals(Laterality.LEFT, m.side());
        assertEquals(new BigDecimal("0.701"), m.bmd());
        assertEquals(new BigDecimal("-2.1"), m.value(MeasurementKind.T_SCORE));
        assertEquals(new BigDecimal("-0.9"), m.value(MeasurementKind.Z_SCORE));
        assertEquals(new BigDecimal("3.41"), m.value(MeasurementKind.BMC));
        assertEquals(new BigDecimal("4.86"), m.value(MeasurementKind.AREA));
    }

    @Test
    void spineRangeWithoutSideKeepsTheDigitsGiven() {
        SiteMeasurement m = MeasurementArgument.parse("L1-L4=0.910");
        assertEquals(Site.L1_L4, m.site());
        assertNull(m.side());
        assertEquals("0.910", m.bmd().toPlainString());
        assertNull(m.value(MeasurementKind.T_SCORE));
    }

    @Test
    void mistakesAreRefusedWithTheReason() {
        for (String bad : new String[] {"L1-L4", "=0.9", "L1-L4=", "KNEE=0.9", "TOTAL_HIP:UP=0.9", "TOTAL_HIP=0.9",
                "L1:LEFT=0.9", "L1=abc", "L1=0.9,T", "L1=0.9,Q=1", "L1=0.9,T=1,T=2", "L1=-0.9", "L1=0.9,BMD=0.8",
                "L1=0.12345678901234567"}) {
            assertThrows(IllegalArgumentException.class, () -> MeasurementArgument.parse(bad), bad);
        }
    }
}
