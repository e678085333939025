package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** How {@code dxaflow.dicom.*} keys reach the DICOM listener's limits. */
class DicomListenerConfigTest {

    @Test
    void theLargestStoredObjectIs64MiBUnlessConfigured() {
        DxaflowConfig shipped = DxaflowConfig.resolve(Map.of(), new Properties());
        assertEquals(64L << 20, DicomListener.acceptorConfig(shipped).maxDataSetLength());

        DxaflowConfig site = DxaflowConfig.resolve(Map.of("DXAFLOW_DICOM_STORAGE_MAX_OBJECT_BYTES", "1000000"),
                new Properties());
        assertEquals(1_000_000, DicomListener.acceptorConfig(site).maxDataSetLength());
    }

    @Test
    void aLimitThatIsNotAPositiveSizeStopsTheStartWithTheKeyNamed() {
        for (String bad : new String[] {"0", "-1", "lots", "4294967296"}) {
            DxaflowConfig c = DxaflowConfig.resolve(Map.of("DXAFLOW_DICOM_STORAGE_MAX_OBJECT_BYTES", bad),
                    new Properties());
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> DicomListener.acceptorConfig(c));
            assertTrue(e.getMessage().contains("dxaflow.dicom.storage.max-object-bytes"), e.getMessage());
        }
    }
}
