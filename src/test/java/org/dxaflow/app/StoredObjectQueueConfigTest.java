package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.dxaflow.results.SpoolAnnouncer;
import org.junit.jupiter.api.Test;

/** How the announcement hold-back keys reach the spool announcer. */
class StoredObjectQueueConfigTest {

    private static Properties props(String quiet, String maxDelay) {
        Properties p = new Properties();
        p.setProperty("dxaflow.dicom.storage.announce-quiet-ms", quiet);
        p.setProperty("dxaflow.dicom.storage.announce-max-delay-ms", maxDelay);
        return p;
    }

    @Test
    void theShippedHoldBackIs200MsOfQuietAtMost10Seconds() {
        SpoolAnnouncer.Settings s = StoredObjectQueue.announcerSettings(
                DxaflowConfig.resolve(Map.of(), new Properties()));
        assertEquals(Duration.ofMillis(200), s.quiet());
        assertEquals(Duration.ofSeconds(10), s.maxDelay());
        assertEquals(SpoolAnnouncer.Settings.DEFAULTS.maxBatch(), s.maxBatch());
    }

    @Test
    void aSiteCanAnnounceAtOnce() {
        SpoolAnnouncer.Settings s = StoredObjectQueue.announcerSettings(
                DxaflowConfig.resolve(Map.of(), props("0", "0")));
        assertEquals(Duration.ZERO, s.quiet());
        assertEquals(Duration.ZERO, s.maxDelay());
    }

    @Test
    void aNegativeHoldBackStopsTheStartWithTheKeysNamed() {
        DxaflowConfig c = DxaflowConfig.resolve(Map.of(), props("-1", "10000"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> StoredObjectQueue.announcerSettings(c));
        assertTrue(e.getMessage().contains("dxaflow.dicom.storage.announce-quiet-ms"), e.getMessage());
    }
}
