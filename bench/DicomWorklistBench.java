import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.dxaflow.dicom.data.Attributes;
import org.dxaflow.dicom.data.DataSetReader;
import org.dxaflow.dicom.data.DataSetWriter;
import org.dxaflow.dicom.data.Sequence;
import org.dxaflow.dicom.data.Tag;
import org.dxaflow.dicom.data.TransferSyntax;
import org.dxaflow.dicom.data.VR;
import org.dxaflow.dicom.dimse.CFindRq;
import org.dxaflow.dicom.dimse.DataSet;
import org.dxaflow.dicom.dimse.DimseMessage;
import org.dxaflow.dicom.dimse.DimseResponse;
import org.dxaflow.dicom.dimse.Priority;
import org.dxaflow.dicom.dimse.Status;
import org.dxaflow.dicom.dimse.service.DimseClient;
import org.dxaflow.dicom.dimse.service.PendingRequest;
import org.dxaflow.dicom.net.AssociationRequestor;
import org.dxaflow.dicom.net.PresentationContext;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.net.Uids;
import org.dxaflow.dicom.net.pdu.PresentationContextRq;
import org.dxaflow.hl7.MllpClient;

/**
 * Modality Worklist benchmark helper, driven by {@code bench/dicom-worklist.sh}. Run with the engine's
 * jar on the class path (Java single-file source launch):
 *
 * <pre>
 *   java -cp target/dxaflow.jar bench/DicomWorklistBench.java load   HOST HL7PORT N BASE STATION
 *   java -cp target/dxaflow.jar bench/DicomWorklistBench.java export HOST DICOMPORT AET N OUTDIR
 *   java -cp target/dxaflow.jar bench/DicomWorklistBench.java query  N BASE STATION REPS BUDGET_S NAME=HOST:PORT:AET...
 * </pre>
 *
 * <b>load</b> sends N distinct ORM^O01 orders (fabricated patients, NHS numbers from the 999 test
 * range with valid check digits, scheduled dates spread over 60 days around BASE, one station)
 * over 4 MLLP connections. <b>export</b> asks the engine's worklist for every item with all the
 * return keys it offers and writes each answer as a {@code dump2dcm} text file, so the peers serve
 * exactly what the engine serves. <b>query</b> times the same scanner-like C-FIND queries against
 * each server: association + C-FIND + all responses + release, measured in this JVM with dxaflow's
 * own DICOM client, so no process start-up is in the numbers. A C-ECHO round trip (association +
 * C-ECHO + release) is timed the same way as the baseline. Every answer count is checked against
 * the count the generator predicts. Patient data never goes to the output.
 */
public class DicomWorklistBench {

    static final String MWL_FIND = "1.2.840.10008.5.1.4.31";
    static final DateTimeFormatter DA = DateTimeFormatter.BASIC_ISO_DATE;

    static final String[] SURNAMES = {"JONES", "WILLIAMS", "TAYLOR", "BROWN", "DAVIES", "EVANS", "WILSON",
        "THOMAS", "JOHNSON", "ROBERTS", "ROBINSON", "THOMPSON", "WRIGHT", "WALKER", "WHITE", "EDWARDS", "HUGHES",
        "GREEN", "HALL", "LEWIS", "HARRIS", "CLARKE", "PATEL", "JACKSON", "WOOD", "TURNER", "MARTIN", "COOPER",
        "HILL", "WARD", "MORRIS", "MOORE", "CLARK", "LEE", "KING", "BAKER", "HARRISON", "MORGAN", "ALLEN",
        "JAMES", "SCOTT", "PHILLIPS", "WATSON", "DAVIS", "PARKER", "PRICE", "BENNETT", "YOUNG", "GRIFFITHS",
        "MITCHELL", "KELLY", "COOK", "CARTER", "RICHARDSON", "BAILEY", "COLLINS", "BELL", "SHAW", "MURPHY",
        "MILLER", "COX", "RICHARDS", "KHAN", "MARSHALL", "ANDERSON", "SIMPSON", "ELLIS", "ADAMS", "SINGH",
        "BEGUM", "WILKINSON", "FOSTER", "CHAPMAN", "POWELL", "WEBB", "ROGERS", "GRAY", "MASON", "ALI", "HUNT",
        "HUSSAIN", "CAMPBELL", "MATTHEWS", "OWEN", "PALMER", "HOLMES", "MILLS", "BARNES", "KNIGHT", "LLOYD",
        "BUTLER", "RUSSELL", "BARKER", "FISHER", "STEVENS", "JENKINS", "MURRAY", "DIXON", "HARVEY", "SMITH",
        "SMITHSON", "SMILLIE", "SMALL", "SNOW", "SIMMONS"};
    static final String[] GIVEN_F = {"MARGARET", "SUSAN", "PATRICIA", "ELIZABETH", "JEAN", "LINDA", "CAROL",
        "CHRISTINE", "BARBARA", "MARY", "ANNE", "JANET", "SHEILA", "PAULINE", "DOROTHY", "GILLIAN", "ANGELA",
        "HELEN", "VALERIE", "SANDRA"};
    static final String[] GIVEN_M = {"JOHN", "DAVID", "MICHAEL", "PETER", "ROBERT", "ANTHONY", "BRIAN",
        "ALAN", "WILLIAM", "JAMES", "RICHARD", "KENNETH", "ROGER", "KEITH", "COLIN", "GEOFFREY"};

    /** One scheduled DXA scan as the generator makes it (the HL7 order and the expected worklist item). */
    record Item(int index, String accession, String placer, String mrn, String nhs, String family, String given,
            String sex, String birthDate, LocalDate scheduled, int weightKg, int heightCm) {
    }

    public static void main(String[] args) throws Exception {
        switch (args.length == 0 ? "" : args[0]) {
            case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    LocalDate.parse(args[4], DA));
            case "export" -> export(args[1], Integer.parseInt(args[2]), args[3], Integer.parseInt(args[4]),
                    Path.of(args[5]));
            case "query" -> query(Integer.parseInt(args[1]), LocalDate.parse(args[2], DA), args[3],
                    Integer.parseInt(args[4]), Integer.parseInt(args[5]), Arrays.copyOfRange(args, 6, args.length));
            default -> {
                System.err.println("usage: load|export|query ... (see the class comment)");
                System.exit(2);
            }
        }
    }

    // ---------------------------------------------------------------- the items

    static List<Item> items(int n, LocalDate base) {
        List<Item> items = new ArrayList<>(n);
        Random rnd = new Random(20261128L);
        long nhsBody = 999_100_000L;
        for (int i = 0; i < n; i++) {
            String nhs;
            do {
                nhs = withCheckDigit(nhsBody++);
            } while (nhs == null);
            boolean female = rnd.nextInt(100) < 82; // DXA lists are mostly women
            String family = SURNAMES[rnd.nextInt(SURNAMES.length)];
            String given = female ? GIVEN_F[rnd.nextInt(GIVEN_F.length)] : GIVEN_M[rnd.nextInt(GIVEN_M.length)];
            LocalDate birth = LocalDate.of(1938, 1, 1).plusDays(rnd.nextInt(365 * 40));
            // 60 scheduled days: ten in the past (not yet done), today, and 49 ahead.
            LocalDate scheduled = base.plusDays(rnd.nextInt(60) - 10);
            items.add(new Item(i, String.format("BA%07d", i), String.format("BP%07d", i),
                    String.format("BM%06d", 100000 + i), nhs, family, given, female ? "F" : "M", DA.format(birth),
                    scheduled, 45 + rnd.nextInt(50), 150 + rnd.nextInt(35)));
        }
        return items;
    }

    /** NHS number (Modulus 11) for a 9-digit body, or null when the body has no valid check digit. */
    static String withCheckDigit(long body) {
        String s = Long.toString(body);
        int sum = 0;
        for (int k = 0; k < 9; k++) {
            sum += (s.charAt(k) - '0') * (10 - k);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check == 10 ? null : s + check;
    }

    static String order(Item it, String runId) {
        String title = it.sex().equals("F") ? "MRS" : "MR";
        String when = DA.format(it.scheduled());
        return "MSH|^~\\&|CRIS|RXA|DXAFLOW|DXA|20261128093000||ORM^O01|" + runId + it.index() + "|P|2.3\r"
                + "PID|1||" + it.nhs() + "^^^NHS^NH~" + it.mrn() + "^^^RXA^MR||" + it.family() + "^" + it.given()
                + "^^^" + title + "||" + it.birthDate() + "|" + it.sex() + "\r"
                + "PV1|1|O\r"
                + "ORC|NW|" + it.placer() + "^CRIS|||||^^^" + when + "^^R||20261128093000|||C3456789^PATEL^ANITA^^^DR\r"
                + "OBR|1|" + it.placer() + "^CRIS||XDXAS^DXA scan lumbar spine and hip^L|||||||||Benchmark|||"
                + "C3456789^PATEL^ANITA^^^DR||" + it.accession() + "\r"
                + "OBX|1|CE|REFREASON^Reason for referral^L||FRACTURE^Fragility fracture^L||||||F\r"
                + "OBX|2|NM|29463-7^Body weight^LN||" + it.weightKg() + "|kg|||||F\r"
                + "OBX|3|NM|8302-2^Body height^LN||" + it.heightCm() + "|cm|||||F\r";
    }

    static void load(String host, int port, int n, LocalDate base) throws Exception {
        List<Item> items = items(n, base);
        String runId = "WB" + System.currentTimeMillis() % 100000 + "-";
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int c = 0; c < 4; c++) {
            futures.add(pool.submit(() -> {
                try (MllpClient client = new MllpClient(host, port, 30_000)) {
                    int i;
                    while ((i = next.getAndIncrement()) < n) {
                        if (!client.send(order(items.get(i), runId)).contains("MSA|AA|")) {
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
        pool.shutdown();
        System.out.printf("sent %d orders in %.1f s, %d not AA; last accession %s%n", n,
                (System.nanoTime() - t0) / 1e9, failures.get(), items.get(n - 1).accession());
        if (failures.get() > 0) {
            System.exit(1);
        }
    }

    // ---------------------------------------------------------------- export

    /** The return keys a DXA scanner asks for: everything dxaflow's worklist items carry. */
    static Attributes identifier() {
        Attributes q = new Attributes();
        q.setNull(Tag.AccessionNumber);
        q.setNull(Tag.ReferringPhysicianName);
        q.setNull(Tag.PatientName);
        q.setNull(Tag.PatientID);
        q.setNull(Tag.IssuerOfPatientID);
        q.newSequence(Tag.OtherPatientIDsSequence);
        q.setNull(Tag.PatientBirthDate);
        q.setNull(Tag.PatientSex);
        q.setNull(Tag.PatientSize);
        q.setNull(Tag.PatientWeight);
        q.setNull(Tag.StudyInstanceUID);
        q.setNull(Tag.RequestedProcedureID);
        q.setNull(Tag.RequestedProcedureDescription);
        q.newSequence(Tag.RequestedProcedureCodeSequence);
        Attributes sps = q.newSequence(Tag.ScheduledProcedureStepSequence).addItem();
        sps.setNull(Tag.Modality);
        sps.setNull(Tag.ScheduledStationAETitle);
        sps.setNull(Tag.ScheduledProcedureStepStartDate);
        sps.setNull(Tag.ScheduledProcedureStepStartTime);
        sps.setNull(Tag.ScheduledPerformingPhysicianName);
        sps.setNull(Tag.ScheduledProcedureStepDescription);
        sps.setNull(Tag.ScheduledProcedureStepID);
        sps.newSequence(Tag.ScheduledProtocolCodeSequence);
        sps.setNull(Tag.ScheduledProcedureStepStatus);
        return q;
    }

    static void export(String host, int port, String aet, int expected, Path out) throws Exception {
        Files.createDirectories(out);
        List<Attributes> answers = new ArrayList<>();
        long t0 = System.nanoTime();
        Result r = find(host, port, aet, identifier(), answers);
        System.out.printf("first universal query (assigns Study Instance UIDs): %d matches in %.1f s%n", r.matches,
                (System.nanoTime() - t0) / 1e9);
        if (r.status != Status.SUCCESS || answers.size() != expected) {
            System.err.printf("expected %d items, got %d (status %s)%n", expected, answers.size(), Status.hex(r.status));
            System.exit(1);
        }
        int i = 0;
        for (Attributes a : answers) {
            StringBuilder sb = new StringBuilder("# worklist item exported from dxaflow\n");
            sb.append("(0008,0005) CS [ISO_IR 100]\n");
            dump(sb, a);
            Files.writeString(out.resolve(String.format("item%05d.dump", i++)), sb.toString(),
                    StandardCharsets.ISO_8859_1);
        }
        System.out.printf("wrote %d dump2dcm files to %s%n", i, out);
    }

    /** dump2dcm input: one element per line, sequences and items with explicit delimiters. */
    static void dump(StringBuilder sb, Attributes ds) {
        for (int tag : ds.tags()) {
            if (tag == Tag.SpecificCharacterSet.value()) {
                continue;
            }
            VR vr = ds.vrOf(tag);
            String t = String.format("(%04x,%04x)", tag >>> 16, tag & 0xFFFF);
            if (vr == VR.SQ) {
                sb.append(t).append(" SQ (Sequence with undefined length)\n");
                Sequence seq = ds.getSequence(tag);
                if (seq != null) {
                    for (Attributes item : seq) {
                        sb.append("(fffe,e000) na (Item with undefined length)\n");
                        dump(sb, item);
                        sb.append("(fffe,e00d) na (ItemDelimitationItem)\n");
                    }
                }
                sb.append("(fffe,e0dd) na (SequenceDelimitationItem)\n");
            } else {
                sb.append(t).append(' ').append(vr).append(" [").append(String.join("\\", ds.getStrings(tag)))
                        .append("]\n");
            }
        }
    }

    // ---------------------------------------------------------------- queries

    record Query(String name, Predicate<Item> expected, java.util.function.IntFunction<Attributes> keys) {
    }

    static List<Query> queries(List<Item> items, LocalDate base, String station) {
        String today = DA.format(base);
        String rangeTo = DA.format(base.plusDays(2));
        List<Query> qs = new ArrayList<>();
        // A different accession number each repetition, the same sequence for every server.
        qs.add(new Query("accession number (1 item)", null, rep -> {
            Attributes q = identifier();
            q.setString(Tag.AccessionNumber, items.get((int) ((rep * 7919L + 17) % items.size())).accession());
            return q;
        }));
        qs.add(new Query("PatientName=SMI*", it -> it.family().startsWith("SMI"), rep -> {
            Attributes q = identifier();
            q.setString(Tag.PatientName, "SMI*");
            return q;
        }));
        qs.add(new Query("start date = today", it -> it.scheduled().equals(base), rep -> {
            Attributes q = identifier();
            sps(q).setString(Tag.ScheduledProcedureStepStartDate, today);
            return q;
        }));
        qs.add(new Query("start date today..+2 days", it -> !it.scheduled().isBefore(base)
                && !it.scheduled().isAfter(base.plusDays(2)), rep -> {
            Attributes q = identifier();
            sps(q).setString(Tag.ScheduledProcedureStepStartDate, today + "-" + rangeTo);
            return q;
        }));
        qs.add(new Query("station AET + modality + today", it -> it.scheduled().equals(base), rep -> {
            Attributes q = identifier();
            Attributes sps = sps(q);
            sps.setString(Tag.ScheduledStationAETitle, station);
            sps.setString(Tag.Modality, "BMD");
            sps.setString(Tag.ScheduledProcedureStepStartDate, today);
            return q;
        }));
        return qs;
    }

    static Attributes sps(Attributes q) {
        return q.getSequence(Tag.ScheduledProcedureStepSequence).get(0);
    }

    record Server(String name, String host, int port, String aet) {
        static Server parse(String spec) {
            String[] nv = spec.split("=", 2);
            String[] hpa = nv[1].split(":");
            return new Server(nv[0], hpa[0], Integer.parseInt(hpa[1]), hpa[2]);
        }
    }

    static void query(int n, LocalDate base, String station, int reps, int budgetSeconds, String[] specs)
            throws Exception {
        List<Item> items = items(n, base);
        List<Query> qs = queries(items, base, station);
        List<Server> servers = Arrays.stream(specs).map(Server::parse).toList();
        // samples[server][query]; query index qs.size() is the C-ECHO baseline
        Map<String, List<List<Long>>> samples = new LinkedHashMap<>();
        Map<String, int[]> counts = new LinkedHashMap<>();
        for (Server s : servers) {
            List<List<Long>> perQuery = new ArrayList<>();
            for (int q = 0; q <= qs.size(); q++) {
                perQuery.add(new ArrayList<>());
            }
            samples.put(s.name(), perQuery);
            counts.put(s.name(), new int[qs.size()]);
        }
        // Expected counts from the generator (the accession query always has exactly one match).
        int[] expected = new int[qs.size()];
        for (int q = 0; q < qs.size(); q++) {
            Predicate<Item> p = qs.get(q).expected();
            expected[q] = p == null ? 1 : (int) items.stream().filter(p).count();
        }
        // Warm-up: two untimed rounds per server (JIT, page cache, connection paths).
        for (int w = 0; w < 2; w++) {
            for (Server s : servers) {
                for (int q = 0; q < qs.size(); q++) {
                    find(s.host(), s.port(), s.aet(), qs.get(q).keys().apply(1000 + w), null);
                }
                echo(s);
            }
        }
        long deadline = System.nanoTime() + budgetSeconds * 1_000_000_000L;
        int done = 0;
        boolean mismatch = false;
        for (int rep = 0; rep < reps && System.nanoTime() < deadline; rep++) {
            // Interleaved (query-major, servers in turn) so load from other users of the machine
            // falls on all servers alike.
            for (int q = 0; q <= qs.size(); q++) {
                for (Server s : servers) {
                    long t0 = System.nanoTime();
                    if (q == qs.size()) {
                        echo(s);
                        samples.get(s.name()).get(q).add(System.nanoTime() - t0);
                        continue;
                    }
                    Result r = find(s.host(), s.port(), s.aet(), qs.get(q).keys().apply(rep), null);
                    samples.get(s.name()).get(q).add(System.nanoTime() - t0);
                    counts.get(s.name())[q] = r.matches;
                    if (r.status != Status.SUCCESS || r.matches != expected[q]) {
                        mismatch = true;
                        System.err.printf("%s, %s: status %s, %d matches, expected %d%n", s.name(),
                                qs.get(q).name(), Status.hex(r.status), r.matches, expected[q]);
                    }
                }
            }
            done++;
        }
        System.out.printf("%n%d worklist items; %d timed repetitions of each query per server (budget %d s)%n",
                n, done, budgetSeconds);
        System.out.println("time = association + C-FIND + every response + release, in one JVM (no process start)");
        StringBuilder header = new StringBuilder(String.format("%-32s %8s", "query", "matches"));
        for (Server s : servers) {
            header.append(String.format(" | %-21s", s.name() + " p50 / p95 ms"));
        }
        System.out.println(header);
        for (int q = 0; q <= qs.size(); q++) {
            String name = q == qs.size() ? "C-ECHO baseline" : qs.get(q).name();
            StringBuilder line = new StringBuilder(String.format("%-32s %8s", name,
                    q == qs.size() ? "-" : Integer.toString(expected[q])));
            for (Server s : servers) {
                long[] v = samples.get(s.name()).get(q).stream().mapToLong(Long::longValue).sorted().toArray();
                line.append(String.format(" | %9.1f / %9.1f", pct(v, 50) / 1e6, pct(v, 95) / 1e6));
            }
            System.out.println(line);
        }
        if (mismatch) {
            System.err.println("MATCH COUNTS DIFFER: see above");
            System.exit(1);
        }
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int idx = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(idx, sorted.length - 1))];
    }

    // ---------------------------------------------------------------- DICOM client

    record Result(int status, int matches) {
    }

    static final RequestorConfig CLIENT = RequestorConfig.defaults("BENCHSCU")
            .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(120));
    static final AssociationRequestor REQUESTOR = new AssociationRequestor(CLIENT);

    /** One scanner query: associate, C-FIND, read every response, release. */
    static Result find(String host, int port, String aet, Attributes keys, List<Attributes> sink)
            throws IOException {
        List<PresentationContextRq> contexts = List.of(new PresentationContextRq(1, MWL_FIND,
                List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN, Uids.IMPLICIT_VR_LITTLE_ENDIAN)));
        try (DimseClient c = DimseClient.open(REQUESTOR, host, port, aet, contexts)) {
            PresentationContext pc = c.requireContext(MWL_FIND, null);
            TransferSyntax ts = TransferSyntax.forUid(pc.transferSyntax());
            PendingRequest p = c.invoke(pc.id(), new CFindRq(c.nextMessageId(), MWL_FIND, Priority.MEDIUM),
                    new DataSet(DataSetWriter.encode(keys, ts), pc.transferSyntax()));
            int matches = 0;
            while (true) {
                DimseMessage m = p.next(c.dimseTimeout());
                int status = ((DimseResponse) m.command()).status();
                if (!Status.isPending(status)) {
                    c.release();
                    return new Result(status, matches);
                }
                matches++;
                if (sink != null && m.dataSet() != null) {
                    sink.add(DataSetReader.read(m.dataSet().bytes(), TransferSyntax.forUid(m.dataSet().transferSyntaxUid())));
                }
            }
        }
    }

    static void echo(Server s) throws IOException {
        List<PresentationContextRq> contexts = List.of(new PresentationContextRq(1, Uids.VERIFICATION,
                List.of(Uids.EXPLICIT_VR_LITTLE_ENDIAN, Uids.IMPLICIT_VR_LITTLE_ENDIAN)));
        try (DimseClient c = DimseClient.open(REQUESTOR, s.host(), s.port(), s.aet(), contexts)) {
            int status = c.echo();
            if (status != Status.SUCCESS) {
                throw new IOException(s.name() + " answered C-ECHO with " + Status.hex(status));
            }
            c.release();
        }
    }
}
