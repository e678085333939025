package org.dxaflow.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.CamelContext;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

/**
 * Reads route files with Camel's own YAML DSL loader into a CamelContext that is never started:
 * the YAML must parse and every step and option must be one the DSL knows, so the routes' model
 * can be built. What needs the engine's beans and endpoints (a bean's method, a port) is checked
 * when the routes start, not here: this is what can be known from the file alone.
 */
public final class RouteFileCheck implements AutoCloseable {

    /** "line 12, column 5" in messages that carry no mark of their own. */
    private static final Pattern LINE = Pattern.compile("line (\\d+)");

    private final Properties properties;
    private final Map<String, Object> beans;

    /**
     * @param properties the engine's settings, for the routes' {@code {{placeholders}}}
     * @param beans      what a route file's own {@code beans:} section refers to by name (e.g.
     *                   {@code jmsConnectionFactory}): a stub of the right type is enough, nothing is started
     */
    public RouteFileCheck(Properties properties, Map<String, Object> beans) {
        this.properties = new Properties();
        this.properties.putAll(properties);
        this.beans = Map.copyOf(beans);
    }

    /** Every problem of one route file, each {@code file:line: message}; empty when it loads. */
    public List<String> check(Path file) {
        List<String> out = new ArrayList<>();
        try {
            // A fresh context per file: route ids of one file must not clash with those of the last
            // check. It is built, never started, so there is nothing to stop (closing it would only
            // log Camel's shutdown lines for every file).
            DefaultCamelContext ctx = new DefaultCamelContext();
            ctx.getPropertiesComponent().setInitialProperties(properties);
            beans.forEach(ctx.getRegistry()::bind);
            ctx.build();
            for (RoutesBuilder builder : builders(ctx, file)) {
                ctx.addRoutes(builder);
            }
        } catch (Exception e) {
            out.add(file + lineOf(e).map(l -> ":" + l).orElse("") + ": " + describe(e));
        }
        return out;
    }

    /** The route builders of one file, parsed; a syntax error or unknown step throws. */
    static java.util.Collection<RoutesBuilder> builders(CamelContext ctx, Path file) throws Exception {
        Resource resource = PluginHelper.getResourceLoader(ctx)
                .resolveResource("file:" + file.toAbsolutePath());
        return PluginHelper.getRoutesLoader(ctx).findRoutesBuilders(List.of(resource));
    }

    /** The line (1-based) the YAML parser or the DSL marked, else one a message names. */
    static Optional<Integer> lineOf(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException) {
                MarkedYamlEngineException marked = (MarkedYamlEngineException) t;
                Optional<Mark> mark = marked.getProblemMark().or(marked::getContextMark);
                if (mark.isPresent()) {
                    return Optional.of(mark.get().getLine() + 1);
                }
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                Matcher m = LINE.matcher(t.getMessage());
                if (m.find()) {
                    return Optional.of(Integer.parseInt(m.group(1)));
                }
            }
        }
        return Optional.empty();
    }

    /** The parser's own words, without the file snippet it appends. */
    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof MarkedYamlEngineException) {
                MarkedYamlEngineException marked = (MarkedYamlEngineException) t;
                String context = marked.getContext() == null ? "" : marked.getContext().strip() + ": ";
                return context + marked.getProblem();
            }
        }
        return Problems.message(e);
    }

    /** Nothing is held between files; kept so a caller may scope a check in try-with-resources. */
    @Override
    public void close() {
    }
}
