package org.dxaflow.app;

import jakarta.jms.ConnectionFactory;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import org.dxaflow.check.CheckReport;
import org.dxaflow.check.ConfigCheck;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code check}: reads routes/, mappings/ and conf/ as the engine would and prints every problem,
 * without starting anything (no port, no database, no data directory).
 */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = Dxaflow.Version.class,
        description = {"Check routes/, mappings/ and conf/ without starting the engine: route files parse and"
                + " their routes can be built (Camel's YAML DSL), mappings and conf files load.",
                "Prints every problem as file:line: message; exit code 1 if there is any, else 0 and a"
                        + " one-line summary.",
                "Directories default to the configuration in effect (see 'dxaflow config')."})
final class CheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--conf", paramLabel = "DIR", description = "conf directory (dxaflow.conf.dir)")
    Path conf;

    @Option(names = "--routes", paramLabel = "DIR", description = "routes directory (dxaflow.routes.dir)")
    Path routes;

    @Option(names = "--mappings", paramLabel = "DIR", description = "mappings directory (dxaflow.mappings.dir)")
    Path mappings;

    private final Map<String, String> env;
    private final Properties sysProps;

    CheckCommand(Map<String, String> env, Properties sysProps) {
        this.env = env;
        this.sysProps = sysProps;
    }

    /**
     * A bean of the right type for a route file's {@code beans:} to be built with; the check never
     * starts anything, so it is never called.
     */
    private static <T> T stub(Class<T> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("toString") ? "stub " + type.getSimpleName()
                        : method.getName().equals("hashCode") ? System.identityHashCode(proxy) : proxy == args[0];
            }
            throw new UnsupportedOperationException("dxaflow check starts nothing");
        }));
    }

    @Override
    public Integer call() {
        // The options win over env and -D, as -D does: the conf dir also decides which
        // application.properties the routes' placeholders are read from.
        Properties props = new Properties();
        props.putAll(sysProps);
        if (conf != null) {
            props.setProperty(DxaflowConfig.CONF_DIR, conf.toString());
        }
        if (routes != null) {
            props.setProperty(DxaflowConfig.ROUTES_DIR, routes.toString());
        }
        if (mappings != null) {
            props.setProperty(DxaflowConfig.MAPPINGS_DIR, mappings.toString());
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DxaflowConfig config;
        try {
            config = DxaflowConfig.resolve(env, props);
        } catch (RuntimeException e) {
            err.println(props.getProperty(DxaflowConfig.CONF_DIR, "conf") + "/application.properties: "
                    + e.getMessage());
            err.flush();
            return CommandLine.ExitCode.SOFTWARE;
        }
        CheckReport report = new ConfigCheck(config.path(DxaflowConfig.CONF_DIR),
                config.path(DxaflowConfig.ROUTES_DIR), config.path(DxaflowConfig.MAPPINGS_DIR),
                CamelSettings.of(config), Map.of("jmsConnectionFactory", stub(ConnectionFactory.class))).run();
        report.problems().forEach(err::println);
        err.flush();
        out.println(report.summary());
        out.flush();
        return report.ok() ? CommandLine.ExitCode.OK : CommandLine.ExitCode.SOFTWARE;
    }
}
