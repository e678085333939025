package org.dxaflow.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.util.Map;
import java.util.Properties;
import org.dxaflow.dicom.data.UidGenerator;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line through picocli, output captured: usage, help, version, errors, exit codes, config. */
class CommandLineTest {

    record Run(int exit, String out, String err) {
    }

    static Run run(Map<String, String> env, Properties sys, String... args) {
        CommandLine cl = Dxaflow.commandLine(env, sys);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    static Run run(String... args) {
        return run(Map.of(), new Properties(), args);
    }

    @Test
    void helpListsEveryCommand() {
        Run r = run("--help");
        assertEquals(0, r.exit());
        for (String c : new String[] {"run", "send-hl7", "scanner-sim", "config", "--version", "--print-config"}) {
            assertTrue(r.out().contains(c), c + " in\n" + r.out());
        }
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        Run send = run("send-hl7", "--help");
        assertEquals(0, send.exit(), send.err());
        assertTrue(send.out().contains("Usage: dxaflow send-hl7") && send.out().contains("--host")
                && send.out().contains("--port") && send.out().contains("--timeout") && send.out().contains("FILE"),
                send.out());
        Run sim = run("scanner-sim", "--help");
        assertEquals(0, sim.exit(), sim.err());
        assertTrue(sim.out().contains("Usage: dxaflow scanner-sim") && sim.out().contains("--accession")
                && sim.out().contains("--bmd") && sim.out().contains("--calling-aet"), sim.out());
        assertFalse(sim.err().contains("needs a value"));
        Run runHelp = run("run", "--help");
        assertEquals(0, runHelp.exit());
        assertTrue(runHelp.out().contains("Usage: dxaflow run"), runHelp.out());
        Run config = run("help", "config");
        assertEquals(0, config.exit());
        assertTrue(config.out().contains("Usage: dxaflow config"), config.out());
    }

    @Test
    void versionComesFromTheBuild() {
        String expected = "dxaflow " + Dxaflow.Version.version();
        assertTrue(expected.matches("dxaflow \\d+\\.\\d+\\.\\d+.*"), expected);
        for (String[] args : new String[][] {{"--version"}, {"send-hl7", "--version"}, {"scanner-sim", "--version"},
                {"run", "--version"}, {"config", "-V"}}) {
            Run r = run(args);
            assertEquals(0, r.exit());
            assertEquals(expected, r.out().strip(), String.join(" ", args));
        }
    }

    @Test
    void unknownOptionsAndCommandsAreUsageErrors() {
        Run bogus = run("run", "--bogus");
        assertEquals(2, bogus.exit(), bogus.err());
        assertTrue(bogus.err().contains("Unknown option: '--bogus'"), bogus.err());
        assertTrue(bogus.err().contains("Try 'dxaflow run --help'"), bogus.err());
        assertEquals(2, run("--bogus").exit());
        Run unknown = run("frobnicate");
        assertEquals(2, unknown.exit(), unknown.err());
        assertTrue(unknown.err().contains("frobnicate"), unknown.err());
    }

    @Test
    void sendHl7NamesAMissingFileAndSendsNothing() throws Exception {
        try (ServerSocket nobodyAnswers = new ServerSocket(0)) {
            Run r = run("send-hl7", "--port", Integer.toString(nobodyAnswers.getLocalPort()),
                    "samples/hl7/01-orm-o01-v23-new-order.hl7", "samples/hl7/no-such-file.hl7");
            assertEquals(2, r.exit(), r.err());
            assertTrue(r.err().contains("file not found: samples/hl7/no-such-file.hl7"), r.err());
            nobodyAnswers.setSoTimeout(200);
            try {
                nobodyAnswers.accept().close();
                throw new AssertionError("send-hl7 connected although a file is missing");
            } catch (java.net.SocketTimeoutException expected) {
                // nothing was sent
            }
        }
    }

    @Test
    void sendHl7UsageErrors() {
        Run noFile = run("send-hl7", "--port", "2575");
        assertEquals(2, noFile.exit(), noFile.err());
        assertTrue(noFile.err().contains("Missing required parameter: 'FILE'"), noFile.err());
        Run badPort = run("send-hl7", "--port", "abc", "x.hl7");
        assertEquals(2, badPort.exit(), badPort.err());
        assertTrue(badPort.err().contains("Invalid value for option '--port'"), badPort.err());
    }

    @Test
    void sendHl7WithNoEngineIsAFailureNotAUsageError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Run r = run("send-hl7", "--port", Integer.toString(port), "--timeout", "2000",
                "samples/hl7/01-orm-o01-v23-new-order.hl7");
        assertEquals(1, r.exit(), r.err());
        assertTrue(r.err().contains("cannot send to 127.0.0.1:" + port), r.err());
    }

    @Test
    void scannerSimUsageErrors() {
        Run missing = run("scanner-sim", "--host", "127.0.0.1");
        assertEquals(2, missing.exit(), missing.err());
        assertTrue(missing.err().contains("Missing required options"), missing.err());
        Run badPort = run("scanner-sim", "--host", "h", "--port", "x", "--aet", "A", "--accession", "1");
        assertEquals(2, badPort.exit(), badPort.err());
        assertTrue(badPort.err().contains("Invalid value for option '--port'"), badPort.err());
        Run badBmd = run("scanner-sim", "--host", "h", "--port", "1", "--aet", "A", "--accession", "1",
                "--bmd", "NOSE=1");
        assertEquals(2, badBmd.exit(), badBmd.err());
        assertTrue(badBmd.err().contains("NOSE"), badBmd.err());
        Run longAet = run("scanner-sim", "--host", "h", "--port", "1", "--aet", "A", "--accession", "1",
                "--calling-aet", "ABCDEFGHIJKLMNOPQ");
        assertEquals(2, longAet.exit(), longAet.err());
        assertTrue(longAet.err().contains("--calling-aet must be 1..16 characters"), longAet.err());
    }

    @Test
    void configPrintsEveryKeyWithItsValueAndSource() {
        Properties sys = new Properties();
        sys.setProperty("dxaflow.http.port", "9090");
        Map<String, String> env = Map.of("DXAFLOW_HL7_PORT", "3575", "DXAFLOW_HTTP_PORT", "7070",
                "DXAFLOW_DB_PASSWORD", "hunter2-secret-value", "DXAFLOW_API_TOKEN", "tok-123456",
                "DXAFLOW_BROKER_URL", "tcp://dxa:brokerpass99@mq:61616",
                "DXAFLOW_DB_URL", "jdbc:postgresql://db:5432/dxaflow?user=dxa&password=urlpass77");
        Run r = run(env, sys, "config");
        assertEquals(0, r.exit(), r.err());
        DxaflowConfig resolved = DxaflowConfig.resolve(env, sys);
        for (String key : resolved.asMap().keySet()) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith(key + " ")), key + " printed:\n" + r.out());
        }
        assertTrue(line(r, "dxaflow.hl7.port").matches(".*= 3575 +\\(env DXAFLOW_HL7_PORT\\)"), line(r, "dxaflow.hl7.port"));
        assertTrue(line(r, "dxaflow.http.port").matches(".*= 9090 +\\(-Ddxaflow.http.port\\)"), line(r, "dxaflow.http.port"));
        assertTrue(line(r, "dxaflow.dicom.aet").matches(".*= DXAFLOW +\\(.*conf/application.properties\\)"),
                line(r, "dxaflow.dicom.aet"));
        assertTrue(line(r, "dxaflow.db.password").contains("= " + ConfigReport.MASK + " "), line(r, "dxaflow.db.password"));
        assertTrue(line(r, "dxaflow.api.token").contains("= " + ConfigReport.MASK + " "), line(r, "dxaflow.api.token"));
        for (String secret : new String[] {"hunter2", "tok-123456", "brokerpass99", "urlpass77"}) {
            assertFalse(r.out().contains(secret), secret + " printed:\n" + r.out());
        }
        assertTrue(line(r, "dxaflow.db.url").contains("user=dxa&password=" + ConfigReport.MASK), line(r, "dxaflow.db.url"));
        assertTrue(r.out().contains("WARNING: dxaflow.dicom.uidroot is the shipped placeholder"), r.out());
        assertEquals(r.out(), run(env, sys, "--print-config").out(), "--print-config prints the same");
    }

    @Test
    void noUidRootWarningOnceASiteSetsItsOwn() {
        Run r = run(Map.of("DXAFLOW_DICOM_UIDROOT", "1.2.826.0.1.3680043.10.999"), new Properties(), "config");
        assertFalse(r.out().contains("WARNING"), r.out());
        assertTrue(ConfigReport.warnings(DxaflowConfig.resolve(Map.of(), new Properties())).get(0)
                .startsWith(UidGenerator.CONFIG_KEY + " is the shipped placeholder"));
    }

    private static String line(Run r, String key) {
        return r.out().lines().filter(l -> l.startsWith(key + " ")).findFirst().orElse("<missing " + key + ">");
    }
}
