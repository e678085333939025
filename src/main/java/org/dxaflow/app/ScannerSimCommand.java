package org.dxaflow.app;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.dxaflow.dicom.data.UidGenerator;
import org.dxaflow.dicom.dimse.service.MppsScu;
import org.dxaflow.dicom.dimse.service.RemoteAe;
import org.dxaflow.dicom.dimse.service.WorklistScu;
import org.dxaflow.dicom.dimse.storage.StoreScu;
import org.dxaflow.dicom.net.RequestorConfig;
import org.dxaflow.dxasr.DxaResultSr;
import org.dxaflow.dxasr.SiteMeasurement;
import org.dxaflow.dxasr.VertebraGrade;
import org.dxaflow.sim.MeasurementArgument;
import org.dxaflow.sim.ScannerSimException;
import org.dxaflow.sim.ScannerSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code scanner-sim --host H --port P --aet AET [--calling-aet SCANNER] --accession ACC
 * [--bmd SITE[:SIDE]=VALUE ...] [--out FILE] [--timeout SECONDS] [--uid-root ROOT]}: plays a DXA
 * scanner against dxaflow (or any worklist/MPPS/storage SCP) and prints each step. Exit status 0
 * when every step succeeded, 1 when a step failed, 2 on bad usage, 3 when the worklist did not
 * give exactly one item for the accession.
 */
@Command(name = "scanner-sim", mixinStandardHelpOptions = true,
        versionProvider = org.dxaflow.app.Dxaflow.Version.class,
        description = "Play a DXA scanner against a running engine: find the accession on the Modality Worklist,"
                + " report MPPS IN PROGRESS, build a result SR, C-STORE it, report MPPS COMPLETED.",
        footer = {"", "Exit codes: 0 every step succeeded, 1 a step failed, 2 usage error,"
                + " 3 the worklist did not give exactly one item for the accession."})
public final class ScannerSimCommand implements Callable<Integer> {

    static final String USAGE = "usage: scanner-sim --host H --port P --aet AET [--calling-aet SCANNER]"
            + " --accession ACC [--bmd SITE[:SIDE]=BMD[,T=t][,Z=z][,BMC=g][,AREA=cm2] ...]"
            + " [--vfa VERTEBRA=GRADE ...] [--out FILE]"
            + " [--timeout SECONDS] [--uid-root ROOT]";
    /** Used when no --bmd is given, so a bare run still sends a plausible report. */
    static final List<String> DEFAULT_MEASUREMENTS = List.of(
            "L1-L4=0.912,T=-1.8,Z=-0.6", "FEMORAL_NECK:LEFT=0.701,T=-2.1,Z=-0.9", "TOTAL_HIP:LEFT=0.823,T=-1.4,Z=-0.5");

    /** Parsed command line. */
    record Options(RemoteAe peer, String callingAeTitle, String accession, List<SiteMeasurement> measurements,
                   List<VertebraGrade> vfa, boolean defaultMeasurements, Path out, Duration timeout, String uidRoot) {
        Options {
            measurements = List.copyOf(measurements);
            vfa = List.copyOf(vfa);
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = "--host", required = true, paramLabel = "HOST", description = "Host of the SCP (the engine).")
    String host;

    @Option(names = "--port", required = true, paramLabel = "PORT", description = "DICOM port of the SCP.")
    int port;

    @Option(names = "--aet", required = true, paramLabel = "AET", description = "Called AE title (the engine's).")
    String aet;

    @Option(names = "--calling-aet", paramLabel = "SCANNER", defaultValue = "SCANNER",
            description = "Our AE title (default: ${DEFAULT-VALUE}).")
    String calling;

    @Option(names = "--accession", required = true, paramLabel = "ACC", description = "Accession number to scan.")
    String accession;

    @Option(names = "--bmd", paramLabel = "SITE[:SIDE]=BMD[,T=t][,Z=z][,BMC=g][,AREA=cm2]",
            description = "A measured site; repeat for each (default: ${sys:line.separator}"
                    + "  L1-L4=0.912,T=-1.8,Z=-0.6 FEMORAL_NECK:LEFT=0.701,T=-2.1,Z=-0.9"
                    + " TOTAL_HIP:LEFT=0.823,T=-1.4,Z=-0.5).")
    List<String> bmd = new ArrayList<>();

    @Option(names = "--vfa", paramLabel = "VERTEBRA=GRADE",
            description = "Vertebral fracture assessment of one vertebra (T4..T12, L1..L4), Genant grade 0-3;"
                    + " repeat for each vertebra read.")
    List<String> vfa = new ArrayList<>();

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the result SR to this file.")
    Path outFile;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30",
            description = "Connect, read and association timeout in seconds (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--uid-root", paramLabel = "ROOT", description = "Root of the UIDs the SR gets"
            + " (default: the shipped placeholder).")
    String uidRoot = UidGenerator.DEFAULT_ROOT;

    private final PrintStream out;
    private final PrintStream err;
    private final Clock clock;

    /** As a subcommand of dxaflow: prints through the command line's own writers. */
    public ScannerSimCommand(Clock clock) {
        this(null, null, clock);
    }

    public ScannerSimCommand(PrintStream out, PrintStream err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    /** Parses and runs, printing to the streams given to the constructor; returns the exit status. */
    public int run(String[] args) {
        CommandLine cl = new CommandLine(this);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        cl.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("scanner-sim: " + e.getMessage());
            e.getCommandLine().getErr().println(USAGE);
            return CommandLine.ExitCode.USAGE;
        });
        return cl.execute(args);
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        Options o;
        try {
            o = options();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        if (o.defaultMeasurements()) {
            stdout.println("[setup] no --bmd given, reporting " + String.join(" ", DEFAULT_MEASUREMENTS));
        }
        RequestorConfig config = RequestorConfig.defaults(o.callingAeTitle())
                .withTimeouts(o.timeout(), o.timeout(), o.timeout());
        ScannerSimulator sim = new ScannerSimulator(new WorklistScu(config), new MppsScu(config),
                new StoreScu(config), new DxaResultSr(ScannerSimulator.EQUIPMENT), new UidGenerator(o.uidRoot()), clock);
        try {
            sim.run(new ScannerSimulator.Scan(o.peer(), o.callingAeTitle(), o.accession(), o.measurements(), o.vfa(),
                    o.out()),
                    (step, message) -> {
                        stdout.println("[" + step + "] " + message);
                        stdout.flush();
                    });
        } catch (ScannerSimException e) {
            stderr.println("scanner-sim: " + e.getMessage());
            stderr.flush();
            return e.exitStatus();
        }
        stdout.println("[done] scan of accession " + o.accession() + " reported");
        stdout.flush();
        return 0;
    }

    static VertebraGrade vertebraGrade(String text) {
        String[] kv = text.split("=", 2);
        if (kv.length != 2) {
            throw new IllegalArgumentException("--vfa " + text + ": expected VERTEBRA=GRADE, e.g. T12=2");
        }
        try {
            return new VertebraGrade(kv[0].trim().toUpperCase(java.util.Locale.ROOT), Integer.parseInt(kv[1].trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--vfa " + text + ": the grade must be 0, 1, 2 or 3");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--vfa " + text + ": " + e.getMessage());
        }
    }

    /** The parsed options checked together; an {@link IllegalArgumentException} is a usage error. */
    Options options() {
        if (calling.isBlank() || calling.length() > 16) {
            throw new IllegalArgumentException("--calling-aet must be 1..16 characters");
        }
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("--timeout must be a positive number of seconds");
        }
        new UidGenerator(uidRoot); // validates the root before anything is sent
        boolean defaults = bmd.isEmpty();
        List<SiteMeasurement> measurements = (defaults ? DEFAULT_MEASUREMENTS : bmd).stream()
                .map(MeasurementArgument::parse).toList();
        if (measurements.stream().map(SiteMeasurement::label).distinct().count() < measurements.size()) {
            throw new IllegalArgumentException("a site and side may be given only once");
        }
        List<VertebraGrade> grades = vfa.stream().map(ScannerSimCommand::vertebraGrade).toList();
        if (grades.stream().map(VertebraGrade::vertebra).distinct().count() < grades.size()) {
            throw new IllegalArgumentException("a vertebra may be given only once in --vfa");
        }
        return new Options(new RemoteAe(host, port, aet), calling, accession, measurements, grades, defaults, outFile,
                Duration.ofSeconds(timeoutSeconds), uidRoot);
    }
}
