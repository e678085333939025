package org.dxaflow.check;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.camel.CamelContext;
import org.apache.camel.support.PluginHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the reloadable files of a running engine (one thread, java.nio WatchService) and, once
 * a changed file has been quiet for the debounce time (an editor writes in several steps), reloads
 * its part. A part is checked first with the checks {@code dxaflow check} uses and swapped in only
 * when they pass, so a broken edit leaves the previous version running; every attempt is logged,
 * kept for health ({@link ReloadStatus}) and handed to the {@link ReloadListener}.
 *
 * <p>Camel's own route reloading (camel.main.routesReloadEnabled) is not used: in Camel 4.14 a
 * reload that fails to load has already removed the file's routes, which would leave the engine
 * without, say, its MLLP listener until the next good save. Here a route file is parsed in a
 * scratch context first and only then given to Camel's RoutesLoader, which replaces the routes by id.
 */
public final class HotReload implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HotReload.class);

    /** One reloadable part: the files of one directory it owns, and how to check and apply them. */
    public interface Part {
        /** For logs, health and the audit: {@code routes}, {@code hl7-mappings}, ... */
        String name();

        Path dir();

        boolean owns(Path file);

        /** Checks and, if the checks pass, applies; returns the problems (empty: applied). */
        List<String> reload(Path changedFile);
    }

    private final List<Part> parts;
    private final Duration debounce;
    private final ReloadStatus status = new ReloadStatus();
    private final ReloadListener listener;
    private final Clock clock;
    private final WatchService watcher;
    private final Thread thread;
    private volatile boolean running;

    public HotReload(List<Part> parts, Duration debounce, ReloadListener listener, Clock clock) {
        this.parts = List.copyOf(parts);
        this.debounce = debounce;
        this.listener = listener;
        this.clock = clock;
        try {
            this.watcher = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::watch, "dxaflow-reload");
        thread.setDaemon(true);
    }

    /** Starts watching; only directories that exist are watched. */
    public void start() {
        for (Path dir : parts.stream().map(Part::dir).distinct().toList()) {
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try {
                dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                        StandardWatchEventKinds.ENTRY_DELETE);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot watch " + dir, e);
            }
        }
        running = true;
        thread.start();
        LOG.info("Hot reload on: {} (debounce {} ms)", parts.stream().map(p -> p.name() + " " + p.dir()).toList(),
                debounce.toMillis());
    }

    public ReloadStatus status() {
        return status;
    }

    private void watch() {
        // changed file -> when it was last touched; handled once quiet for the debounce time
        Map<Path, Long> pending = new LinkedHashMap<>();
        while (running) {
            try {
                WatchKey key = watcher.poll(pending.isEmpty() ? 1000 : 50, TimeUnit.MILLISECONDS);
                if (key != null) {
                    Path dir = (Path) key.watchable();
                    for (WatchEvent<?> event : key.pollEvents()) {
                        if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                            // events were lost: look at every file of the directory again
                            try (var all = Files.list(dir)) {
                                all.forEach(f -> pending.put(f, System.nanoTime()));
                            }
                        } else {
                            pending.put(dir.resolve((Path) event.context()), System.nanoTime());
                        }
                    }
                    key.reset();
                }
                long now = System.nanoTime();
                List<Path> due = new ArrayList<>();
                pending.forEach((file, touched) -> {
                    if (now - touched >= debounce.toNanos()) {
                        due.add(file);
                    }
                });
                due.forEach(pending::remove);
                handle(due);
            } catch (InterruptedException | ClosedWatchServiceException e) {
                return;
            } catch (IOException | RuntimeException e) {
                // the watcher must outlive one bad event, or later edits would silently not reload
                LOG.warn("Hot reload: {}", e.toString());
            }
        }
    }

    /** Reloads each part once for its changed files, in the order the parts were given. */
    private void handle(List<Path> files) {
        for (Part part : parts) {
            for (Path file : files) {
                if (!file.getParent().equals(part.dir()) || !part.owns(file)) {
                    continue;
                }
                if (!Files.exists(file)) {
                    LOG.warn("Hot reload: {} was removed; what it loaded keeps running until the engine restarts",
                            file);
                    continue;
                }
                reload(part, file);
            }
        }
    }

    /** Reloads one part now, as a change of {@code file} would (the watcher calls it; so may a test). */
    public ReloadEvent reload(Part part, Path file) {
        List<String> problems;
        try {
            problems = part.reload(file);
        } catch (RuntimeException e) {
            problems = List.of(file + ": " + Problems.message(e));
        }
        ReloadEvent event = new ReloadEvent(clock.instant(), part.name(), file.toString(), problems.isEmpty(),
                problems);
        status.record(event);
        if (event.applied()) {
            LOG.info("Hot reload: {} reloaded from {}", part.name(), file);
        } else {
            LOG.warn("Hot reload: {} NOT reloaded, the previous version keeps running; {} problem(s):\n  {}",
                    part.name(), problems.size(), String.join("\n  ", problems));
        }
        try {
            listener.reloaded(event);
        } catch (RuntimeException e) {
            LOG.warn("Hot reload: the reload listener failed: {}", e.toString());
        }
        return event;
    }

    @Override
    public void close() {
        running = false;
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service: {}", e.toString());
        }
        if (thread.isAlive()) {
            thread.interrupt();
            try {
                thread.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A part whose value lives in a {@link Reloadable}: on a change of one of its files, {@code check}
     * (the problems {@code dxaflow check} would give), then {@code load}, then the swap.
     */
    public static <T> Part swapping(String name, Path dir, Predicate<Path> owns, Supplier<List<String>> check,
            Supplier<T> load, Reloadable<T> target) {
        return new Part() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Path dir() {
                return dir;
            }

            @Override
            public boolean owns(Path file) {
                return owns.test(file);
            }

            @Override
            public List<String> reload(Path changedFile) {
                List<String> problems = new ArrayList<>(check.get());
                if (problems.isEmpty()) {
                    T next = Problems.load(dir, load, problems);
                    if (next != null) {
                        target.set(next);
                    }
                }
                return problems;
            }
        };
    }

    /** Files named {@code *.yaml} (not editor back-ups or swap files). */
    public static Predicate<Path> yaml() {
        return f -> f.getFileName().toString().endsWith(".yaml");
    }

    /**
     * {@code routes/*.camel.yaml}: the file parsed in a scratch context, then its routes replaced
     * by id in the running one.
     */
    public static Part routes(Path routesDir, CamelContext live, Properties properties, Map<String, Object> beans) {
        Function<Path, List<String>> check = file -> {
            try (RouteFileCheck routeCheck = new RouteFileCheck(properties, beans)) {
                return routeCheck.check(file);
            }
        };
        return new Part() {
            @Override
            public String name() {
                return "routes";
            }

            @Override
            public Path dir() {
                return routesDir;
            }

            @Override
            public boolean owns(Path file) {
                return file.getFileName().toString().endsWith(".camel.yaml");
            }

            @Override
            public List<String> reload(Path file) {
                List<String> problems = check.apply(file);
                if (!problems.isEmpty()) {
                    return problems;
                }
                try {
                    var resource = PluginHelper.getResourceLoader(live).resolveResource("file:" + file.toAbsolutePath());
                    PluginHelper.getRoutesLoader(live).updateRoutes(List.of(resource));
                    return List.of();
                } catch (Exception e) {
                    // parsed, but Camel could not build or start it (a bean method, an endpoint option)
                    return List.of(file + RouteFileCheck.lineOf(e).map(l -> ":" + l).orElse("") + ": "
                            + RouteFileCheck.describe(e));
                }
            }
        };
    }
}
