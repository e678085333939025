package org.dxaflow.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The engine's configuration: {@code conf/application.properties}, overridden by environment
 * variables ({@code dxaflow.hl7.port} → {@code DXAFLOW_HL7_PORT}), overridden in turn by
 * {@code -D} system properties.
 *
 * <p>The sources are passed in rather than read from {@link System} so tests can start several
 * engines in one JVM with different settings, exactly as separate processes would see them.
 */
public final class DxaflowConfig {

    public static final String DATA_DIR = "dxaflow.data.dir";
    public static final String HTTP_PORT = "dxaflow.http.port";
    public static final String HL7_PORT = "dxaflow.hl7.port";
    public static final String DICOM_PORT = "dxaflow.dicom.port";
    public static final String DICOM_AET = "dxaflow.dicom.aet";
    public static final String DICOM_MAX_OBJECT_BYTES = "dxaflow.dicom.storage.max-object-bytes";
    public static final String DB_URL = "dxaflow.db.url";
    public static final String DB_USER = "dxaflow.db.user";
    public static final String DB_PASSWORD = "dxaflow.db.password";
    public static final String BROKER_URL = "dxaflow.broker.url";
    public static final String ROUTES_DIR = "dxaflow.routes.dir";
    public static final String MAPPINGS_DIR = "dxaflow.mappings.dir";
    public static final String CONF_DIR = "dxaflow.conf.dir";

    /** The value of {@link #BROKER_URL} that starts the broker inside the engine. */
    public static final String EMBEDDED = "embedded";

    private final Map<String, String> values;
    private final Map<String, String> sources;

    private DxaflowConfig(Map<String, String> values, Map<String, String> sources) {
        this.values = Collections.unmodifiableMap(values);
        this.sources = Collections.unmodifiableMap(sources);
    }

    /** Configuration as a process started from the command line sees it. */
    public static DxaflowConfig fromEnvironment() {
        return resolve(System.getenv(), System.getProperties());
    }

    /**
     * Resolves the configuration from the given environment and system properties. The conf
     * directory itself may be moved by either, so it is looked up before the file is read.
     */
    public static DxaflowConfig resolve(Map<String, String> env, Properties sysProps) {
        Map<String, String> merged = new LinkedHashMap<>(builtInDefaults());
        Map<String, String> sources = new LinkedHashMap<>();
        merged.keySet().forEach(k -> sources.put(k, BUILT_IN));
        String confDir = lookup(CONF_DIR, env, sysProps).orElse(merged.get(CONF_DIR));
        Path file = Path.of(confDir, "application.properties");
        if (Files.isRegularFile(file)) {
            Properties fromFile = new Properties();
            try (InputStream in = Files.newInputStream(file)) {
                fromFile.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + file, e);
            }
            fromFile.stringPropertyNames().forEach(k -> {
                merged.put(k, fromFile.getProperty(k).trim());
                sources.put(k, file.toString());
            });
        }
        // Keys only known from the environment or -D still count, so sites can add keys without a file.
        for (String key : sysProps.stringPropertyNames()) {
            if (key.startsWith("dxaflow.")) {
                merged.putIfAbsent(key, sysProps.getProperty(key));
            }
        }
        java.util.Set<String> known = new java.util.HashSet<>();
        merged.keySet().forEach(k -> known.add(envName(k)));
        for (String envKey : env.keySet()) {
            // DXAFLOW_HL7_MAX_CONNECTIONS is dxaflow.hl7.max-connections, not a new key dxaflow.hl7.max.connections
            if (envKey.startsWith("DXAFLOW_") && !known.contains(envKey)) {
                merged.putIfAbsent(envKey.toLowerCase(Locale.ROOT).replace('_', '.'), env.get(envKey));
            }
        }
        merged.replaceAll((key, value) -> {
            if (sysProps.getProperty(key) != null) {
                sources.put(key, "-D" + key);
                return sysProps.getProperty(key);
            }
            if (env.get(envName(key)) != null) {
                sources.put(key, "env " + envName(key));
                return env.get(envName(key));
            }
            return value;
        });
        merged.put(CONF_DIR, confDir);
        // The conf dir is chosen before its file is read, so the file cannot move it.
        sources.put(CONF_DIR, sysProps.getProperty(CONF_DIR) != null ? "-D" + CONF_DIR
                : env.get(envName(CONF_DIR)) != null ? "env " + envName(CONF_DIR) : BUILT_IN);
        String dataDir = merged.get(DATA_DIR);
        merged.replaceAll((key, value) -> value == null ? null : value.replace("${" + DATA_DIR + "}", dataDir));
        if (merged.get(DB_URL) == null || merged.get(DB_URL).isBlank()) {
            merged.put(DB_URL, defaultH2Url(dataDir));
            sources.put(DB_URL, "built-in: H2 under " + DATA_DIR);
        }
        return new DxaflowConfig(merged, sources);
    }

    /** Where a key's value came from when nothing set it. */
    public static final String BUILT_IN = "built-in default";

    /** A copy with some keys replaced; used by tests and the CLI. */
    public DxaflowConfig with(Map<String, String> overrides) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        Map<String, String> copySources = new LinkedHashMap<>(sources);
        copy.putAll(overrides);
        overrides.keySet().forEach(k -> copySources.put(k, "set by the program"));
        return new DxaflowConfig(copy, copySources);
    }

    private static Optional<String> lookup(String key, Map<String, String> env, Properties sysProps) {
        String fromSys = sysProps.getProperty(key);
        if (fromSys != null) {
            return Optional.of(fromSys);
        }
        return Optional.ofNullable(env.get(envName(key)));
    }

    /** {@code dxaflow.hl7.port} → {@code DXAFLOW_HL7_PORT}. */
    public static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    static String defaultH2Url(String dataDir) {
        // WRITE_DELAY=0: a committed transaction reaches the file at once, so a kill -9 loses nothing
        // the engine has already acknowledged downstream (H2's default defers writes by up to 500 ms).
        return "jdbc:h2:file:" + Path.of(dataDir, "db", "dxaflow").toAbsolutePath() + ";WRITE_DELAY=0";
    }

    private static Map<String, String> builtInDefaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put(DATA_DIR, "./data");
        d.put(HTTP_PORT, "8080");
        d.put(HL7_PORT, "2575");
        d.put(DICOM_PORT, "11112");
        d.put(DICOM_AET, "DXAFLOW");
        d.put(DB_URL, "");
        d.put(DB_USER, "");
        d.put(DB_PASSWORD, "");
        d.put(BROKER_URL, EMBEDDED);
        d.put(ROUTES_DIR, "./routes");
        d.put(MAPPINGS_DIR, "./mappings");
        d.put(CONF_DIR, "./conf");
        // hot reload of routes/, mappings/ and conf/justification while the engine runs (org.dxaflow.check)
        d.put("dxaflow.reload.enabled", "true");
        d.put("dxaflow.reload.debounce-ms", "300");
        return d;
    }

    public String get(String key) {
        String v = values.get(key);
        if (v == null) {
            throw new IllegalStateException("Missing configuration key " + key);
        }
        return v;
    }

    public String get(String key, String fallback) {
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v;
    }

    public int getInt(String key) {
        String v = get(key);
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Configuration key " + key + " must be a whole number, got '" + v + "'");
        }
    }

    public int getInt(String key, int fallback) {
        return values.containsKey(key) && !values.get(key).isBlank() ? getInt(key) : fallback;
    }

    public long getLong(String key, long fallback) {
        String v = values.get(key);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Configuration key " + key + " must be a whole number, got '" + v + "'");
        }
    }

    public Path path(String key) {
        return Path.of(get(key));
    }

    public Path dataDir() {
        return path(DATA_DIR);
    }

    public boolean embeddedBroker() {
        return EMBEDDED.equalsIgnoreCase(get(BROKER_URL).trim());
    }

    /**
     * Where the value of a key came from: {@value #BUILT_IN}, the properties file's path,
     * {@code env DXAFLOW_…} or {@code -Ddxaflow.…}.
     */
    public String source(String key) {
        return sources.getOrDefault(key, BUILT_IN);
    }

    /** Every resolved key, for handing to Camel's property placeholders. */
    public Map<String, String> asMap() {
        return values;
    }
}
