package org.dxaflow.ris;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Only an AA for this very message counts as delivered. */
class RisLinkTest {

    private static String ack(String code, String controlId) {
        return "MSH|^~\\&|CRIS|RXA|DXAFLOW|DXA|20261127120000||ACK|A1|P|2.4\rMSA|" + code + "|" + controlId + "\r";
    }

    @Test
    void aaForThisControlIdIsDelivered() {
        assertEquals("AA", RisLink.check(ack("AA", "DXS41"), "DXS41"));
    }

    @Test
    void aeArAndCommitAcceptsAreNotDelivered() {
        for (String code : new String[] {"AE", "AR", "CA", "CE", "CR"}) {
            RisDeliveryException e = assertThrows(RisDeliveryException.class,
                    () -> RisLink.check(ack(code, "DXS41"), "DXS41"));
            assertEquals("The RIS answered " + code + " to DXS41", e.getMessage());
        }
    }

    @Test
    void anAckForAnotherMessageIsNotDelivered() {
        RisDeliveryException e = assertThrows(RisDeliveryException.class,
                () -> RisLink.check(ack("AA", "DXS40"), "DXS41"));
        assertTrue(e.getMessage().contains("'DXS40' instead of DXS41"), e.getMessage());
    }

    @Test
    void anAnswerThatIsNotAnAckIsNotDelivered() {
        assertThrows(RisDeliveryException.class, () -> RisLink.check("garbage", "DXS41"));
        assertThrows(RisDeliveryException.class,
                () -> RisLink.check("MSH|^~\\&|CRIS|RXA|DXAFLOW|DXA|20261127120000||ACK|A1|P|2.4\r", "DXS41"));
    }
}
