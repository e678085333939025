import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.dxaflow.app.ScannerSimCommand;
import org.dxaflow.hl7.MllpClient;

/**
 * Report delivery benchmark driver (bench/report-delivery.sh starts the engine and its peers): for
 * each of WARM + N scans, an order (a distinct patient, placer order and accession, scheduled today)
 * over MLLP, waited on until SCHEDULED; then every scan played with the engine's scanner-sim
 * (worklist, MPPS, C-STORE of the result SR, MPPS) from this one JVM, one after the other; then,
 * per scan, read back from the API
 *   t0 = the result's processedAt (GET /api/orders/{id}/result: when it was computed and filed),
 *   t1 = the deliveredAt of the last of the PRELIMINARY version's deliveries to be DELIVERED
 *        (GET /api/reports/{id}: PACS, RIS, GP_HL7, GP_FHIR),
 * and prints p50/p95/max of t1 - t0 over the N timed scans (the WARM ones, played and delivered
 * first, are not counted). Prints no patient data.
 *
 *   java -cp target/dxaflow.jar bench/ReportDeliveryBench.java HOST HL7_PORT HTTP_PORT DICOM_PORT N WARM
 *       DESTINATIONS TIMEOUT_SECONDS [CSV_OUT]
 * DESTINATIONS is how many deliveries each preliminary must have (4 with every peer configured).
 * Exit status 0 when every timed scan's preliminary reached every destination within the timeout.
 */
public class ReportDeliveryBench {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final String[] SCAN_VALUES = {"--bmd", "L1-L4=0.912,T=-1.8", "--bmd", "FEMORAL_NECK:LEFT=0.558",
        "--bmd", "TOTAL_HIP:LEFT=0.701"};

    static String host;
    static int httpPort;

    /** One scan's order and what the engine made of it. */
    static final class Scan {
        final String accession;
        final boolean timed;
        long orderId;
        long scanStartNanos;
        long scanEndNanos;
        Instant received;    // result receivedAt: the SR's spool file written (C-STORE)
        Instant processed;   // result processedAt: computed and filed (t0)
        Long reportId;
        Map<String, Instant> created = new TreeMap<>();    // destination -> delivery row written (composed)
        Map<String, Instant> delivered = new TreeMap<>();  // destination -> deliveredAt
        Map<String, Long> attemptMs = new TreeMap<>();     // destination -> last attempt's duration
        Map<String, Instant> sendStart = new TreeMap<>();  // destination -> last attempt's start
        boolean done;

        Scan(String accession, boolean timed) {
            this.accession = accession;
            this.timed = timed;
        }

        Instant last() {
            return delivered.values().stream().max(Instant::compareTo).orElse(null);
        }
    }

    public static void main(String[] args) throws Exception {
        host = args[0];
        int hl7Port = Integer.parseInt(args[1]);
        httpPort = Integer.parseInt(args[2]);
        int dicomPort = Integer.parseInt(args[3]);
        int n = Integer.parseInt(args[4]);
        int warm = Integer.parseInt(args[5]);
        int destinations = Integer.parseInt(args[6]);
        long timeoutNanos = Duration.ofSeconds(Long.parseLong(args[7])).toNanos();
        Path csv = args.length > 8 ? Path.of(args[8]) : null;
        long deadline = System.nanoTime() + timeoutNanos;

        String template = Files.readString(Path.of("samples/hl7/03-omg-o19-v251-new-order.hl7"))
                .replace("\r\n", "\r").replace('\n', '\r');
        String today = LocalDate.now().format(DateTimeFormatter.BASIC_ISO_DATE);
        String run = LocalTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));

        List<Scan> warmScans = new ArrayList<>();
        List<Scan> timedScans = new ArrayList<>();
        for (int i = 0; i < warm + n; i++) {
            boolean timed = i >= warm;
            (timed ? timedScans : warmScans).add(new Scan(String.format("R%s%05d", run, i), timed));
        }

        // 1. Orders: a distinct patient (NHS number from the 999 test range, valid check digit), placer
        //    order and accession each, scheduled today so they are on today's worklist.
        long t = System.nanoTime();
        try (MllpClient mllp = new MllpClient(host, hl7Port, 30_000)) {
            int i = 0;
            for (Scan s : concat(warmScans, timedScans)) {
                String msg = template
                        .replace("CRIS000003", "BENCH" + run + String.format("%05d", i))
                        .replace("9990000034", nhsNumber(i))
                        .replace("RX1000003", String.format("RXB%07d", i))
                        .replace("ORD100003", String.format("ORDB%s%05d", run, i))
                        .replace("ACC100003", s.accession)
                        .replace("TQ1|1||||||20261212", "TQ1|1||||||" + today);
                String ack = mllp.send(msg);
                if (!ack.contains("MSA|AA|") && !ack.contains("MSA|CA|")) {
                    throw new IllegalStateException("order " + i + " not accepted: " + firstLine(ack, "MSA"));
                }
                i++;
            }
        }
        for (Scan s : concat(warmScans, timedScans)) {
            while (true) {
                JsonNode a = get("/api/orders?accessionNumber=" + s.accession);
                if (a.size() == 1 && "SCHEDULED".equals(a.get(0).path("status").asText())) {
                    s.orderId = a.get(0).get("id").asLong();
                    break;
                }
                if (a.size() == 1 && !"RECEIVED".equals(a.get(0).path("status").asText())) {
                    throw new IllegalStateException("order " + s.accession + " is " + a.get(0).path("status").asText()
                            + ", not SCHEDULED");
                }
                check(deadline, "orders to be SCHEDULED");
                Thread.sleep(100);
            }
        }
        System.out.printf("orders            %d sent over MLLP and SCHEDULED in %.1f s%n", warm + n,
                (System.nanoTime() - t) / 1e9);

        // 2. Warm-up scans, delivered before the timed ones start (JIT, connection set-up, first PDF).
        if (warm > 0) {
            scan(warmScans, dicomPort);
            awaitDelivered(warmScans, destinations, deadline);
            System.out.printf("warm-up           %d scans played and delivered%n", warm);
        }

        // 3. The timed scans, one after the other as fast as scanner-sim goes, then their deliveries.
        double scanSeconds = scan(timedScans, dicomPort);
        awaitDelivered(timedScans, destinations, deadline);

        // 4. Figures.
        long[] lat = new long[n];
        long[] composeLat = new long[n];
        long[] storeToFiled = new long[n];
        long[] queueWait = new long[n];
        Map<String, List<Long>> perDest = new TreeMap<>();
        Map<String, List<Long>> attempt = new TreeMap<>();
        int complete = 0;
        Instant firstT0 = null;
        Instant lastT1 = null;
        for (int i = 0; i < n; i++) {
            Scan s = timedScans.get(i);
            Instant t1 = s.last();
            lat[i] = Duration.between(s.processed, t1).toMillis();
            Instant composed = s.created.values().stream().min(Instant::compareTo).orElseThrow();
            composeLat[i] = Duration.between(s.processed, composed).toMillis();
            storeToFiled[i] = Duration.between(s.received, s.processed).toMillis();
            queueWait[i] = Duration.between(composed, s.sendStart.values().stream().max(Instant::compareTo)
                    .orElseThrow()).toMillis();
            if (s.delivered.size() == destinations) {
                complete++;
            }
            for (Map.Entry<String, Instant> d : s.delivered.entrySet()) {
                perDest.computeIfAbsent(d.getKey(), k -> new ArrayList<>())
                        .add(Duration.between(s.processed, d.getValue()).toMillis());
            }
            s.attemptMs.forEach((k, v) -> attempt.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            firstT0 = firstT0 == null || s.processed.isBefore(firstT0) ? s.processed : firstT0;
            lastT1 = lastT1 == null || t1.isAfter(lastT1) ? t1 : lastT1;
        }
        double span = Duration.between(firstT0, lastT1).toMillis() / 1000.0;
        System.out.printf("scans played      %d in %.1f s (%.1f scans/s offered: worklist, MPPS, C-STORE, MPPS each)%n",
                n, scanSeconds, n / scanSeconds);
        System.out.printf("delivered         %d of %d preliminaries to all %d destinations%n", complete, n, destinations);
        System.out.printf("engine sustained  %.1f scans/s (first result stored -> last delivery: %.1f s)%n",
                n / span, span);
        System.out.printf("%-44s %7s %7s %7s%n", "ms per scan", "p50", "p95", "max");
        row("result stored -> last destination DELIVERED", lat);
        row("result stored -> preliminary composed", composeLat);
        row("composed -> last destination's send started", queueWait);
        for (Map.Entry<String, List<Long>> e : perDest.entrySet()) {
            row("result stored -> " + e.getKey() + " DELIVERED", e.getValue().stream().mapToLong(Long::longValue).toArray());
        }
        for (Map.Entry<String, List<Long>> e : attempt.entrySet()) {
            row("  " + e.getKey() + " send (the delivery attempt)", e.getValue().stream().mapToLong(Long::longValue).toArray());
        }
        row("(SR C-STORE received -> result stored)", storeToFiled);
        long[] sorted = lat.clone();
        Arrays.sort(sorted);
        System.out.printf("RESULT n=%d delivered=%d p50=%d p95=%d max=%d scans_per_s=%.1f offered_per_s=%.1f%n",
                n, complete, pct(sorted, 50), pct(sorted, 95), sorted[n - 1], n / span, n / scanSeconds);
        if (csv != null) {
            StringBuilder b = new StringBuilder("scan,stored_to_last_delivered_ms,stored_to_composed_ms\n");
            for (int i = 0; i < n; i++) {
                b.append(i).append(',').append(lat[i]).append(',').append(composeLat[i]).append('\n');
            }
            Files.writeString(csv, b);
        }
        System.exit(complete == n ? 0 : 1);
    }

    static double scan(List<Scan> scans, int dicomPort) {
        long start = System.nanoTime();
        for (Scan s : scans) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            PrintStream ps = new PrintStream(out, true, StandardCharsets.UTF_8);
            s.scanStartNanos = System.nanoTime();
            String[] args = new String[] {"--host", host, "--port", Integer.toString(dicomPort), "--aet", "DXAFLOW",
                "--calling-aet", "DXASCAN1", "--accession", s.accession, "--timeout", "30"};
            String[] all = Arrays.copyOf(args, args.length + SCAN_VALUES.length);
            System.arraycopy(SCAN_VALUES, 0, all, args.length, SCAN_VALUES.length);
            int exit = new ScannerSimCommand(ps, ps, Clock.systemUTC()).run(all);
            s.scanEndNanos = System.nanoTime();
            if (exit != 0) {
                // scanner-sim's own words name the failing step; the patient is fabricated
                throw new IllegalStateException("scanner-sim exit " + exit + " for " + s.accession + ":\n" + out);
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** Polls the API until every scan's preliminary is DELIVERED everywhere, bounded by the deadline. */
    static void awaitDelivered(List<Scan> scans, int destinations, long deadline) throws Exception {
        while (true) {
            int pending = 0;
            String why = "";
            for (Scan s : scans) {
                if (s.done) {
                    continue;
                }
                String state = poll(s, destinations);
                if (!s.done) {
                    pending++;
                    why = state;
                }
            }
            if (pending == 0) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out: " + pending + " scans not delivered everywhere (e.g. "
                        + why + ")");
            }
            Thread.sleep(250);
        }
    }

    /** Reads one scan's result and report; marks it done when its preliminary is delivered everywhere. */
    static String poll(Scan s, int destinations) throws Exception {
        if (s.processed == null) {
            HttpResponse<String> r = request("/api/orders/" + s.orderId + "/result");
            if (r.statusCode() == 404) {
                return "no result yet";
            }
            JsonNode result = JSON.readTree(r.body());
            String status = result.path("status").asText();
            if (!"COMPUTED".equals(status) || result.path("needsReporterReview").asBoolean()) {
                throw new IllegalStateException("result of " + s.accession + " is " + status
                        + (result.path("needsReporterReview").asBoolean() ? " (held for the reporter)" : ""));
            }
            s.processed = instant(result.get("processedAt"));
            s.received = instant(result.get("receivedAt"));
        }
        if (s.reportId == null) {
            JsonNode reports = get("/api/orders/" + s.orderId + "/reports");
            if (reports.size() == 0) {
                return "no report yet";
            }
            s.reportId = reports.get(0).get("id").asLong();
        }
        JsonNode report = get("/api/reports/" + s.reportId);
        int delivered = 0;
        int prelim = 0;
        String states = "";
        for (JsonNode d : report.path("deliveries")) {
            JsonNode delivery = d.get("delivery");
            if (delivery.path("version").asInt() != 1) {
                continue;
            }
            prelim++;
            String dest = delivery.path("destination").asText();
            String status = delivery.path("status").asText();
            states += dest + "=" + status + " ";
            s.created.put(dest, instant(delivery.get("createdAt")));
            if ("DELIVERED".equals(status)) {
                delivered++;
                s.delivered.put(dest, instant(delivery.get("deliveredAt")));
                JsonNode attempts = d.path("attempts");
                JsonNode lastAttempt = attempts.get(attempts.size() - 1);
                s.sendStart.put(dest, instant(lastAttempt.get("startedAt")));
                s.attemptMs.put(dest, Duration.between(instant(lastAttempt.get("startedAt")),
                        instant(lastAttempt.get("finishedAt"))).toMillis());
            } else if ("DEAD".equals(status)) {
                throw new IllegalStateException("delivery to " + dest + " is DEAD: " + delivery.path("lastError").asText());
            }
        }
        s.done = prelim == destinations && delivered == destinations;
        return states.isEmpty() ? "no deliveries yet" : states.trim();
    }

    static Instant instant(JsonNode n) {
        if (n == null || n.isNull()) {
            throw new IllegalStateException("missing time");
        }
        if (n.isNumber()) {
            // Jackson's default for Instant: seconds with nanosecond fraction
            return Instant.ofEpochSecond(0, Math.round(n.asDouble() * 1e9));
        }
        return Instant.parse(n.asText());
    }

    static JsonNode get(String path) throws Exception {
        HttpResponse<String> r = request(path);
        if (r.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": HTTP " + r.statusCode());
        }
        return JSON.readTree(r.body());
    }

    static HttpResponse<String> request(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + host + ":" + httpPort + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    static void check(long deadline, String what) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException("timed out waiting for " + what);
        }
    }

    static void row(String label, long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        System.out.printf("%-44s %7d %7d %7d%n", label, pct(v, 50), pct(v, 95), v[v.length - 1]);
    }

    /** Nearest-rank percentile of sorted values. */
    static long pct(long[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    /** A 999-range test NHS number with a valid Modulus 11 check digit, distinct per i. */
    static String nhsNumber(int i) {
        for (int k = i * 11; ; k++) {
            String nine = String.format("999%06d", k % 1_000_000);
            int sum = 0;
            for (int d = 0; d < 9; d++) {
                sum += (nine.charAt(d) - '0') * (10 - d);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    static String firstLine(String message, String segment) {
        for (String line : message.split("\r")) {
            if (line.startsWith(segment)) {
                return line;
            }
        }
        return "(no " + segment + ")";
    }

    static List<Scan> concat(List<Scan> a, List<Scan> b) {
        List<Scan> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
