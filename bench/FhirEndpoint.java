import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.dxaflow.report.fhir.InMemoryFhirServer;
import org.hl7.fhir.r4.model.DiagnosticReport;

/**
 * The GP's FHIR endpoint for bench/report-delivery.sh: HAPI FHIR's RestfulServer in an embedded
 * Jetty on 127.0.0.1 (the tests' InMemoryFhirServer: transaction Bundles with conditional creates,
 * kept in memory). Writes its base URL to URL_FILE once it listens; on SIGTERM prints how many
 * DiagnosticReports it holds and stops.
 *
 * Run with the test class path (HAPI's server is a test dependency):
 *   java -cp target/test-classes:target/classes:$(cat CLASSPATH_FILE) bench/FhirEndpoint.java URL_FILE
 */
public class FhirEndpoint {

    public static void main(String[] args) throws Exception {
        InMemoryFhirServer server = new InMemoryFhirServer();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("FHIR DiagnosticReports held: " + server.all(DiagnosticReport.class).size());
            try {
                server.close();
            } catch (Exception e) {
                System.out.println("stop: " + e.getMessage());
            }
            stopped.countDown();
        }));
        Path tmp = Path.of(args[0] + ".tmp");
        Files.writeString(tmp, server.baseUrl() + "\n");
        Files.move(tmp, Path.of(args[0]));
        System.out.println("listening " + server.baseUrl());
        stopped.await();
    }
}
