package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DxaflowConfigTest {

    @Test
    void theShippedFileGivesTheDocumentedDefaults() {
        DxaflowConfig c = DxaflowConfig.resolve(Map.of(), new Properties());
        assertEquals(8080, c.getInt(DxaflowConfig.HTTP_PORT));
        assertEquals(2575, c.getInt(DxaflowConfig.HL7_PORT));
        assertEquals(11112, c.getInt(DxaflowConfig.DICOM_PORT));
        assertEquals("DXAFLOW", c.get(DxaflowConfig.DICOM_AET));
        assertEquals("./data", c.get(DxaflowConfig.DATA_DIR));
        assertTrue(c.embeddedBroker());
        assertTrue(c.get(DxaflowConfig.DB_URL).startsWith("jdbc:h2:file:"));
        assertTrue(c.get(DxaflowConfig.DB_URL).contains(Path.of("data", "db").toString()));
    }

    @Test
    void environmentVariablesOverrideTheFile() {
        DxaflowConfig c = DxaflowConfig.resolve(Map.of("DXAFLOW_HL7_PORT", "3575", "DXAFLOW_DATA_DIR", "/srv/dxa",
                "DXAFLOW_BROKER_URL", "tcp://mq:61616"), new Properties());
        assertEquals(3575, c.getInt(DxaflowConfig.HL7_PORT));
        assertEquals(Path.of("/srv/dxa"), c.dataDir());
        assertTrue(c.get(DxaflowConfig.DB_URL).startsWith("jdbc:h2:file:/srv/dxa/db/"));
        assertFalse(c.embeddedBroker());
    }

    @Test
    void systemPropertiesOverrideEnvironment() {
        Properties sys = new Properties();
        sys.setProperty("dxaflow.http.port", "9090");
        DxaflowConfig c = DxaflowConfig.resolve(Map.of("DXAFLOW_HTTP_PORT", "7070"), sys);
        assertEquals(9090, c.getInt(DxaflowConfig.HTTP_PORT));
    }

    @Test
    void dashedKeysMapToUnderscores() {
        assertEquals("DXAFLOW_HL7_MAX_CONNECTIONS", DxaflowConfig.envName("dxaflow.hl7.max-connections"));
        DxaflowConfig c = DxaflowConfig.resolve(Map.of("DXAFLOW_HL7_MAX_CONNECTIONS", "4"), new Properties());
        assertEquals(4, c.getInt("dxaflow.hl7.max-connections"));
    }

    @Test
    void theConfDirCanBeMovedAndItsFileIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("application.properties"), "dxaflow.hl7.port=4575\ndxaflow.site.name=Leeds\n");
        DxaflowConfig c = DxaflowConfig.resolve(Map.of("DXAFLOW_CONF_DIR", dir.toString()), new Properties());
        assertEquals(4575, c.getInt(DxaflowConfig.HL7_PORT));
        assertEquals("Leeds", c.get("dxaflow.site.name"));
        assertEquals(8080, c.getInt(DxaflowConfig.HTTP_PORT));
    }

    @Test
    void aPostgresUrlIsTakenAsGiven() {
        DxaflowConfig c = DxaflowConfig.resolve(Map.of("DXAFLOW_DB_URL", "jdbc:postgresql://db:5432/dxaflow"),
                new Properties());
        assertEquals("jdbc:postgresql://db:5432/dxaflow", c.get(DxaflowConfig.DB_URL));
    }

    @Test
    void aNonNumericPortIsAClearError() {
        DxaflowConfig c = DxaflowConfig.resolve(Map.of("DXAFLOW_HL7_PORT", "twenty"), new Properties());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> c.getInt(DxaflowConfig.HL7_PORT));
        assertTrue(e.getMessage().contains("dxaflow.hl7.port"));
    }
}
