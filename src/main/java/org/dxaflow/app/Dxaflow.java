package org.dxaflow.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * Command line: {@code run} (the default: starts the engine on its configuration), {@code send-hl7},
 * {@code scanner-sim}, {@code config}, {@code check} and {@code hash-password}. Exit codes: 0 ok, 1 failure, 2 usage error (scanner-sim
 * also 3: the worklist did not give exactly one item).
 */
@Command(name = "dxaflow", mixinStandardHelpOptions = true, versionProvider = Dxaflow.Version.class,
        description = "HL7/DICOM integration engine for bone densitometry (DXA) services.%n"
                + "With no command, runs the engine (as 'run').",
        synopsisSubcommandLabel = "[COMMAND]",
        footer = {"", "Configuration: conf/application.properties, overridden by DXAFLOW_* environment variables"
                + " (dxaflow.hl7.port -> DXAFLOW_HL7_PORT), overridden by -D system properties.",
                "Exit codes: 0 ok, 1 failure, 2 usage error."})
public final class Dxaflow implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--print-config", description = "Print every configuration key in effect and exit (as 'config').")
    boolean printConfig;

    private final Map<String, String> env;
    private final Properties sysProps;

    Dxaflow(Map<String, String> env, Properties sysProps) {
        this.env = env;
        this.sysProps = sysProps;
    }

    public static void main(String[] args) {
        RunCommand run = new RunCommand();
        int code = commandLine(System.getenv(), System.getProperties(), run).execute(args);
        if (!run.stoppedBySignal) {
            // After SIGTERM the JVM is already shutting down: System.exit would block for good.
            System.exit(code);
        }
    }

    /** The whole command line, configuration read from the given environment and system properties. */
    static CommandLine commandLine(Map<String, String> env, Properties sysProps) {
        return commandLine(env, sysProps, new RunCommand());
    }

    private static CommandLine commandLine(Map<String, String> env, Properties sysProps, RunCommand run) {
        run.env = env;
        run.sysProps = sysProps;
        CommandLine cl = new CommandLine(new Dxaflow(env, sysProps));
        cl.addSubcommand("run", run);
        cl.addSubcommand("send-hl7", new SendHl7Command());
        cl.addSubcommand("scanner-sim", new ScannerSimCommand(Clock.systemDefaultZone()));
        cl.addSubcommand("config", new ConfigCommand(env, sysProps));
        cl.addSubcommand("hash-password", new HashPasswordCommand(System.in));
        cl.addSubcommand("check", new CheckCommand(env, sysProps));
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        cl.setParameterExceptionHandler(Dxaflow::usageError);
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println(commandLine.getCommandName() + ": " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        });
        return cl;
    }

    /** A usage error: the problem, then where to read more; exit code 2. */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        PrintWriter err = cl.getErr();
        err.println(cl.getCommandSpec().qualifiedName() + ": " + e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        return CommandLine.ExitCode.USAGE;
    }

    @Override
    public Integer call() {
        if (printConfig) {
            spec.commandLine().getOut().print(ConfigReport.render(DxaflowConfig.resolve(env, sysProps)));
            return CommandLine.ExitCode.OK;
        }
        return spec.commandLine().getSubcommands().get("run").execute();
    }

    /** {@code run}: the engine, until SIGTERM or Ctrl-C. */
    @Command(name = "run", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {"Start the engine on its configuration (see 'dxaflow config').",
                    "Stops on SIGTERM or Ctrl-C: intake stops, in-flight messages finish, then the journal"
                            + " and database close.",
                    "A listening port that is taken (HTTP, MLLP, DICOM) stops the start at once, exit code 1."})
    static final class RunCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        Map<String, String> env;
        Properties sysProps;
        volatile boolean stoppedBySignal;

        @Override
        public Integer call() throws InterruptedException {
            Engine engine = new Engine(DxaflowConfig.resolve(env, sysProps), Clock.systemUTC());
            CountDownLatch stopped = new CountDownLatch(1);
            // SIGTERM/SIGINT: stop taking messages, finish what is in flight, then close the journal and database.
            Thread hook = new Thread(() -> {
                stoppedBySignal = true;
                engine.close();
                stopped.countDown();
            }, "dxaflow-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                engine.start();
            } catch (RuntimeException e) {
                Runtime.getRuntime().removeShutdownHook(hook);
                engine.close();
                spec.commandLine().getErr().println("dxaflow failed to start: " + e.getMessage());
                return CommandLine.ExitCode.SOFTWARE;
            }
            stopped.await();
            return CommandLine.ExitCode.OK;
        }
    }

    /** {@code config}: the configuration in effect. */
    @Command(name = "config", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {"Print every configuration key in effect with its value and where it came from"
                    + " (built-in default, the properties file, env DXAFLOW_*, -D).",
                    "Values of keys naming a password, secret, token or key are masked."})
    static final class ConfigCommand implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        private final Map<String, String> env;
        private final Properties sysProps;

        ConfigCommand(Map<String, String> env, Properties sysProps) {
            this.env = env;
            this.sysProps = sysProps;
        }

        @Override
        public Integer call() {
            spec.commandLine().getOut().print(ConfigReport.render(DxaflowConfig.resolve(env, sysProps)));
            spec.commandLine().getOut().flush();
            return CommandLine.ExitCode.OK;
        }
    }

    /** The jar's Implementation-Version, or the version the build wrote into the classpath. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"dxaflow " + version()};
        }

        public static String version() {
            String v = Dxaflow.class.getPackage() == null ? null : Dxaflow.class.getPackage().getImplementationVersion();
            if (v != null && !v.isBlank()) {
                return v;
            }
            try (InputStream in = Dxaflow.class.getResourceAsStream("version.properties")) {
                if (in != null) {
                    Properties p = new Properties();
                    p.load(in);
                    String fromBuild = p.getProperty("version", "");
                    if (!fromBuild.isBlank() && !fromBuild.contains("${")) {
                        return fromBuild;
                    }
                }
            } catch (IOException e) {
                // fall through
            }
            return "unknown";
        }
    }
}
