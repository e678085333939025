package org.dxaflow.sim;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.dxaflow.dicom.data.Implementation;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.service.MppsScu;
import org.dxaflow.dicom.dimse.service.RemoteAe;
import org.dxaflow.dicom.dimse.service.WorklistScu;
import org.dxaflow.dicom.dimse.storage.StoreScu;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dicom.sr.DxaResultSr;
import org.dxaflow.dicom.sr.SiteMeasurement;

/**
 * {@code scanner-sim --host H --port P --aet AET [--calling-aet SCANNER] --accession ACC
 * [--bmd SITE[:SIDE]=VALUE ...] [--out FILE] [--timeout SECONDS] [--uid-root ROOT]}: plays a DXA
 * scanner against dxaflow (or any worklist/MPPS/storage SCP) and prints each step. Exit status 0
 * when every step succeeded, 1 when a step failed, 2 on bad usage, 3 when the worklist did not
 * give exactly one item for the accession.
 */
public final class ScannerSimCommand {

    static final String USAGE = "usage: scanner-sim --host H --port P --aet AET [--calling-aet SCANNER]"
            + " --accession ACC [--bmd SITE[:SIDE]=BMD[,T=t][,Z=z][,BMC=g][,AREA=cm2] ...] [--out FILE]"
            + " [--timeout SECONDS] [--uid-root ROOT]";
    /** Used when no --bmd is given, so a bare run still sends a plausible report. */
    static final List<String> DEFAULT_MEASUREMENTS = List.of(
            "L1-L4=0.912,T=-1.8,Z=-0.6", "FEMORAL_NECK:LEFT=0.701,T=-2.1,Z=-0.9", "TOTAL_HIP:LEFT=0.823,T=-1.4,Z=-0.5");
    static final DxaResultSr.Equipment EQUIPMENT = new DxaResultSr.Equipment("DXAFLOW-SIM", "scanner-sim",
            Implementation.VERSION, "SIM-0001", ScannerSimulator.STATION_NAME);

    /** Parsed command line. */
    record Options(RemoteAe peer, String callingAeTitle, String accession, List<SiteMeasurement> measurements,
                   boolean defaultMeasurements, Path out, Duration timeout, String uidRoot) {
    }

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    public ScannerSimCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public int run(String[] args) {
        Options o;
        try {
            o = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("scanner-sim: " + e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (o.defaultMeasurements()) {
            out.println("[setup] no --bmd given, reporting " + String.join(" ", DEFAULT_MEASUREMENTS));
        }
        RequestorConfig config = RequestorConfig.defaults(o.callingAeTitle())
                .withTimeouts(o.timeout(), o.timeout(), o.timeout());
        ScannerSimulator sim = new ScannerSimulator(new WorklistScu(config), new MppsScu(config),
                new StoreScu(config), new DxaResultSr(EQUIPMENT), new UidGenerator(o.uidRoot()), clock);
        try {
            sim.run(new ScannerSimulator.Scan(o.peer(), o.callingAeTitle(), o.accession(), o.measurements(), o.out()),
                    (step, message) -> out.println("[" + step + "] " + message));
        } catch (ScannerSimException e) {
            err.println("scanner-sim: " + e.getMessage());
            return e.exitStatus();
        }
        out.println("[done] scan of accession " + o.accession() + " reported");
        return 0;
    }

    static Options parse(String[] args) {
        String host = null;
        String aet = null;
        String calling = "SCANNER";
        String accession = null;
        String uidRoot = UidGenerator.DEFAULT_ROOT;
        Integer port = null;
        Path outFile = null;
        Duration timeout = Duration.ofSeconds(30);
        List<String> bmd = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String opt = args[i];
            String value = i + 1 < args.length ? args[++i] : null;
            if (value == null) {
                throw new IllegalArgumentException(opt + " needs a value");
            }
            switch (opt) {
                case "--host" -> host = value;
                case "--port" -> port = integer(opt, value);
                case "--aet" -> aet = value;
                case "--calling-aet" -> calling = value;
                case "--accession" -> accession = value;
                case "--bmd" -> bmd.add(value);
                case "--out" -> outFile = Path.of(value);
                case "--timeout" -> timeout = Duration.ofSeconds(integer(opt, value));
                case "--uid-root" -> uidRoot = value;
                default -> throw new IllegalArgumentException("unknown option " + opt);
            }
        }
        if (host == null || port == null || aet == null || accession == null) {
            throw new IllegalArgumentException("--host, --port, --aet and --accession are required");
        }
        if (calling.isBlank() || calling.length() > 16) {
            throw new IllegalArgumentException("--calling-aet must be 1..16 characters");
        }
        new UidGenerator(uidRoot); // validates the root before anything is sent
        boolean defaults = bmd.isEmpty();
        List<SiteMeasurement> measurements = (defaults ? DEFAULT_MEASUREMENTS : bmd).stream()
                .map(MeasurementArgument::parse).toList();
        if (measurements.stream().map(SiteMeasurement::label).distinct().count() < measurements.size()) {
            throw new IllegalArgumentException("a site and side may be given only once");
        }
        return new Options(new RemoteAe(host, port, aet), calling, accession, measurements, defaults, outFile,
                timeout, uidRoot);
    }

    private static int integer(String option, String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " expects a number, got '" + value + "'");
        }
    }
}
