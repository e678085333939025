package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The ACK code label comes from MSA-1 and is never free text. */
class Hl7MetricsNotifierTest {

    @Test
    void theAckCodeIsMsaOne() {
        assertEquals("AA", Hl7MetricsNotifier.ackCode("MSH|^~\\&|DXAFLOW|DXA|RIS|H|20250101||ACK^O19|1|P|2.5.1\rMSA|AA|123"));
        assertEquals("AE", Hl7MetricsNotifier.ackCode("MSH|^~\\&|A|B\rMSA|AE|123\rERR|||101^Required field missing"));
        assertEquals("AR", Hl7MetricsNotifier.ackCode("MSH|^~\\&|A|B\nMSA|AR"));
        // "MSA" inside another segment is not the MSA segment
        assertEquals("CA", Hl7MetricsNotifier.ackCode("MSH|^~\\&|MSA|B\rMSA|CA|1"));
        assertEquals("other", Hl7MetricsNotifier.ackCode("MSH|^~\\&|A|B\rMSA|SMITH JOHN|1"));
        assertNull(Hl7MetricsNotifier.ackCode(null));
        assertNull(Hl7MetricsNotifier.ackCode("MSH|^~\\&|A|B"));
    }
}
