package org.dxaflow.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class FieldPathTest {

    private final List<Er7Message.Segment> segments = Er7Message.parse(
            "MSH|^~\\&|A|B|C|D|20261128||ORM^O01|1|P|2.3\r"
                    + "PID|1||RX1^^^RXA^MR~9434765919^^^NHS^NH||SMITH^ANN\r"
                    + "OBX|1|CE|REFREASON^Reason^L||FRACTURE^Fracture^L~STEROIDS^Steroids^L\r"
                    + "OBX|2|CE|REFREASON^Reason^L||FRAX^FRAX^L\r").segments();

    @Test
    void filterPicksTheRepetitionWithTheIdentifierType() {
        assertEquals("9434765919", FieldPath.parse("PID-3[5=NH]-1").value(segments).orElseThrow());
        assertEquals("RX1", FieldPath.parse("PID-3[5=MR]-1").value(segments).orElseThrow());
        assertEquals("NHS", FieldPath.parse("PID-3[5=NH]-4").value(segments).orElseThrow());
        assertTrue(FieldPath.parse("PID-3[5=PI]-1").value(segments).isEmpty());
    }

    @Test
    void missingComponentMeansTheFirst() {
        assertEquals("SMITH", FieldPath.parse("PID-5").value(segments).orElseThrow());
        assertEquals("ANN", FieldPath.parse("PID-5-2").value(segments).orElseThrow());
    }

    @Test
    void valuesCollectEveryRepetitionOfEverySegment() {
        assertEquals(List.of("FRACTURE", "STEROIDS", "FRAX"), FieldPath.parse("OBX-5-1").values(segments));
    }

    @Test
    void errorLocationIsInErrTwoForm() {
        assertEquals("PID^1^3", FieldPath.parse("PID-3[5=NH]-1").errorLocation());
    }

    @Test
    void malformedPathsAreRefusedWithTheExpectedForm() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("PID.3"));
        assertTrue(e.getMessage().contains("PID-3"));
        assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("pid-3"));
        assertThrows(IllegalArgumentException.class, () -> FieldPath.parse("PID-3[5NH]"));
    }
}
