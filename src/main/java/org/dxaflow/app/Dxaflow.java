package org.dxaflow.app;

import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import org.dxaflow.hl7.SendHl7Command;
import org.dxaflow.sim.ScannerSimCommand;

/**
 * Command line: with no arguments (or {@code run}) starts the engine on its configuration;
 * {@code send-hl7} sends files over MLLP to a running engine and prints each ACK.
 */
public final class Dxaflow {

    private Dxaflow() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "run" : args[0];
        String[] rest = args.length == 0 ? args : Arrays.copyOfRange(args, 1, args.length);
        switch (command) {
            case "run" -> run();
            case "send-hl7" -> System.exit(new SendHl7Command(System.out, System.err).run(rest));
            case "scanner-sim" -> System.exit(new ScannerSimCommand(System.out, System.err, Clock.systemDefaultZone()).run(rest));
            case "help", "--help", "-h" -> usage();
            default -> {
                System.err.println("Unknown command '" + command + "'");
                usage();
                System.exit(2);
            }
        }
    }

    private static void run() throws InterruptedException {
        Engine engine = new Engine(DxaflowConfig.fromEnvironment(), Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        // SIGTERM/SIGINT: stop taking messages, finish what is in flight, then close the journal and database.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            engine.close();
            stopped.countDown();
        }, "dxaflow-shutdown"));
        try {
            engine.start();
        } catch (RuntimeException e) {
            System.err.println("dxaflow failed to start: " + e.getMessage());
            System.exit(1);
        }
        stopped.await();
    }

    private static void usage() {
        System.out.println("""
                Usage:
                  java -jar dxaflow.jar [run]                         start the engine (conf/application.properties)
                  java -jar dxaflow.jar send-hl7 --host H --port P FILE...   send HL7 files over MLLP, print each ACK
                  java -jar dxaflow.jar scanner-sim --host H --port P --aet AET --accession ACC
                        [--calling-aet SCANNER] [--bmd SITE[:SIDE]=VALUE ...] [--out FILE]
                                                                  play a DXA scanner: worklist, MPPS, result SR, C-STORE
                """);
    }
}
