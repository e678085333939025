import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.dxaflow.hl7.MllpClient;

/**
 * HL7 intake benchmark: sends N distinct ORM^O01 orders over C concurrent MLLP connections to a
 * running engine and reports durable-order throughput and ACK latency percentiles.
 *
 * Run with the engine's jar on the class path (Java single-file source launch):
 *   java -cp target/dxaflow.jar bench/Hl7IntakeBench.java HOST PORT [MESSAGES=20000] [CONNECTIONS=8]
 */
public class Hl7IntakeBench {

    public static void main(String[] args) throws Exception {
        String host = args.length > 0 ? args[0] : "127.0.0.1";
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 2575;
        int total = args.length > 2 ? Integer.parseInt(args[2]) : 20_000;
        int connections = args.length > 3 ? Integer.parseInt(args[3]) : 8;
        String run = LocalDateTime.now().format(DateTimeFormatter.ofPattern("HHmmss"));

        // Warm-up: a few hundred messages so the JIT and connection caches are in their steady state.
        send(host, port, 400, connections, "W" + run);
        Result r = send(host, port, total, connections, "B" + run);

        long[] lat = r.latenciesNanos;
        Arrays.sort(lat);
        double seconds = r.elapsedNanos / 1e9;
        System.out.printf("messages          %d over %d connections%n", total, connections);
        System.out.printf("non-AA answers    %d%n", r.failures);
        System.out.printf("elapsed           %.2f s%n", seconds);
        System.out.printf("throughput        %.0f messages/s (durably queued and ACKed)%n", total / seconds);
        System.out.printf("ACK latency p50   %.2f ms%n", pct(lat, 50) / 1e6);
        System.out.printf("ACK latency p99   %.2f ms%n", pct(lat, 99) / 1e6);
        System.out.printf("ACK latency max   %.2f ms%n", lat[lat.length - 1] / 1e6);
        if (r.failures > 0) {
            System.exit(1);
        }
    }

    record Result(long elapsedNanos, long[] latenciesNanos, int failures) {
    }

    static Result send(String host, int port, int total, int connections, String prefix) throws Exception {
        long[] latencies = new long[total];
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        List<Future<?>> futures = new ArrayList<>();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            futures.add(pool.submit(() -> {
                try (MllpClient client = new MllpClient(host, port, 30_000)) {
                    int i;
                    while ((i = next.getAndIncrement()) < total) {
                        String msg = order(prefix, i);
                        long t0 = System.nanoTime();
                        String ack = client.send(msg);
                        latencies[i] = System.nanoTime() - t0;
                        if (!ack.contains("MSA|AA|")) {
                            failures.incrementAndGet();
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        return new Result(elapsed, latencies, failures.get());
    }

    static double pct(long[] sorted, int p) {
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))];
    }

    /** A realistic ORM^O01 v2.3 with a fabricated patient (NHS test range 999, valid check digit). */
    static String order(String prefix, int i) {
        String placer = prefix + "-" + i;
        String mrn = "BM" + (100000 + i % 500);
        return "MSH|^~\\&|CRIS|RXA|DXAFLOW|DXA|20261128093000||ORM^O01|" + placer + "|P|2.3\r"
                + "PID|1||9990000018^^^NHS^NH~" + mrn + "^^^RXA^MR||BENCH^PATIENT^^^MRS||19550312|F\r"
                + "PV1|1|O\r"
                + "ORC|NW|" + placer + "^CRIS|||||^^^20261205^^R||20261128093000|||C3456789^PATEL^ANITA^^^DR\r"
                + "OBR|1|" + placer + "^CRIS||XDXAS^DXA scan lumbar spine and hip^L|||||||||Benchmark||||"
                + "C3456789^PATEL^ANITA^^^DR||A" + placer.hashCode() + "\r"
                + "OBX|1|CE|REFREASON^Reason for referral^L||FRACTURE^Fragility fracture^L||||||F\r";
    }
}
