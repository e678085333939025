package org.dxaflow.testing;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without a server, the PostgreSQL tests say what they need instead of "Connection refused". */
class LocalPostgresTest {

    @Test
    void noServerGivesAFailureThatSaysWhatIsMissingAndHowToPointElsewhere() {
        int closedPort = FreePort.find();
        LocalPostgres pg = new LocalPostgres(Map.of("DXAFLOW_TEST_PG_URL",
                "jdbc:postgresql://127.0.0.1:" + closedPort + "/"));
        IllegalStateException e = assertThrows(IllegalStateException.class, pg::createDatabase);
        String m = e.getMessage();
        assertTrue(m.contains("needs a PostgreSQL server"), m);
        assertTrue(m.contains("127.0.0.1:" + closedPort), m);
        assertTrue(m.contains("DXAFLOW_TEST_PG_URL") && m.contains("DXAFLOW_TEST_PG_USER"), m);
    }
}
