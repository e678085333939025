package org.dxaflow.dicom.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class VRTest {

    @Test
    void allVrsOfPs35Table62() {
        Set<String> expected = Set.of("AE", "AS", "AT", "CS", "DA", "DS", "DT", "FL", "FD", "IS", "LO", "LT",
                "OB", "OD", "OF", "OL", "OV", "OW", "PN", "SH", "SL", "SQ", "SS", "ST", "SV", "TM", "UC", "UI",
                "UL", "UN", "UR", "US", "UT", "UV");
        assertEquals(expected, Arrays.stream(VR.values()).map(Enum::name).collect(Collectors.toSet()));
    }

    /** PS3.5 7.1.2: these VRs have 2 reserved bytes and a 32 bit length in Explicit VR. */
    @Test
    void longHeaderVrsPerPs35Section712() {
        Set<VR> expected = EnumSet.of(VR.OB, VR.OD, VR.OF, VR.OL, VR.OV, VR.OW, VR.SQ, VR.SV, VR.UC, VR.UN,
                VR.UR, VR.UT, VR.UV);
        for (VR vr : VR.values()) {
            assertEquals(expected.contains(vr), vr.hasLongHeader(), vr.name());
            assertEquals(expected.contains(vr) ? 12 : 8, vr.explicitHeaderLength(), vr.name());
        }
    }

    @Test
    void paddingBytes() {
        assertEquals(0, VR.UI.paddingByte());
        assertEquals(0, VR.OB.paddingByte());
        for (VR vr : EnumSet.of(VR.AE, VR.CS, VR.DA, VR.DS, VR.IS, VR.LO, VR.LT, VR.PN, VR.SH, VR.ST, VR.TM,
                VR.UC, VR.UR, VR.UT, VR.AS, VR.DT)) {
            assertEquals(' ', vr.paddingByte(), vr.name());
        }
    }

    @Test
    void kinds() {
        assertEquals(2, VR.US.bytesPerValue());
        assertEquals(8, VR.FD.bytesPerValue());
        assertEquals(8, VR.UV.bytesPerValue());
        assertEquals(64, VR.UI.maxValueLength());
        assertEquals(16, VR.AE.maxValueLength());
        assertEquals(false, VR.LT.isMultiValuedText());
        assertEquals(true, VR.PN.usesSpecificCharacterSet());
        assertEquals(false, VR.CS.usesSpecificCharacterSet());
        assertSame(VR.PN, VR.fromCode('P', 'N'));
        assertNull(VR.fromCode('Z', 'Z'));
        assertNull(VR.fromCode(0, 0));
    }
}
