package org.dxaflow.hl7;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class Er7MessageTest {

    private static final String MSG = "MSH|^~\\&|CRIS|RXA|DXAFLOW|DXA|20261128||ORM^O01^ORM_O01|C1|P|2.4\r"
            + "PID|1||111^^^NHS^NH~RX1^^^RXA^MR||O'BRIEN^MARY\\T\\JANE^^^MRS||19500101|F\r"
            + "NTE|1||Line one\\.br\\Line two; pipe \\F\\ caret \\S\\ escape \\E\\ tilde \\R\\\r";

    @Test
    void mshFieldsFollowTheStandardNumbering() {
        Er7Message m = Er7Message.parse(MSG);
        Er7Message.Segment msh = m.msh();
        // MSH-1 is the field separator itself, MSH-2 the encoding characters, MSH-3 the first value.
        assertEquals("|", msh.field(1));
        assertEquals("^~\\&", msh.field(2));
        assertEquals("CRIS", msh.value(3));
        assertEquals("ORM", msh.value(9, 1));
        assertEquals("O01", msh.value(9, 2));
        assertEquals("C1", msh.value(10));
        assertEquals("2.4", msh.value(12));
    }

    @Test
    void repetitionsComponentsAndSubcomponentsAreSplit() {
        Er7Message.Segment pid = Er7Message.parse(MSG).first("PID").orElseThrow();
        List<String> ids = pid.repetitions(3);
        assertEquals(2, ids.size());
        assertEquals("RX1", pid.value(ids.get(1), 1, 1));
        assertEquals("MR", pid.value(ids.get(1), 5, 1));
        // \T\ is an escaped subcomponent separator: part of the value, not a split.
        assertEquals("MARY&JANE", pid.value(5, 2));
        assertEquals("", pid.value(40));
    }

    @Test
    void escapeSequencesAreDecoded() {
        Er7Message.Segment nte = Er7Message.parse(MSG).first("NTE").orElseThrow();
        assertEquals("Line one Line two; pipe | caret ^ escape \\ tilde ~", nte.value(3));
    }

    @Test
    void escapingRoundTrips() {
        Er7Message.Delimiters d = Er7Message.parse(MSG).delimiters();
        String text = "a|b^c&d~e\\f";
        assertEquals("a\\F\\b\\S\\c\\T\\d\\R\\e\\E\\f", d.escape(text));
        assertEquals(text, d.unescape(d.escape(text)));
    }

    @Test
    void lineFeedsAndCrLfAreAcceptedAsSegmentTerminators() {
        Er7Message m = Er7Message.parse(MSG.replace("\r", "\r\n"));
        assertEquals(3, m.segments().size());
        assertEquals(3, Er7Message.parse(MSG.replace('\r', '\n')).segments().size());
    }

    @Test
    void textWithoutMshIsRefused() {
        Hl7FormatException e = assertThrows(Hl7FormatException.class, () -> Er7Message.parse("PID|1||123"));
        assertTrue(e.getMessage().contains("MSH"));
        assertThrows(Hl7FormatException.class, () -> Er7Message.parse("MSH|^~\\&"));
        assertThrows(Hl7FormatException.class, () -> Er7Message.parse(null));
    }
}
