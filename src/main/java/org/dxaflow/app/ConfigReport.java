package org.dxaflow.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.dxaflow.dicom.data.UidGenerator;

/**
 * The configuration in effect, as {@code dxaflow config} prints it: every key, its value and where
 * the value came from, secrets masked; and the warnings the engine gives at start-up.
 */
public final class ConfigReport {

    static final String MASK = "********";
    private static final Pattern SECRET_KEY = Pattern.compile("password|secret|token|key");
    /** {@code password=x} inside a JDBC or broker URL. */
    private static final Pattern SECRET_PARAM = Pattern.compile("(?i)((?:password|secret|token|key)=)[^&;]*");
    /** {@code tcp://user:pass@host}. */
    private static final Pattern URL_USER_INFO = Pattern.compile("(://[^/:@\\s]+:)[^@/\\s]+@");

    private ConfigReport() {
    }

    /** Whether a key's value is a secret: its name contains password, secret, token or key. */
    static boolean isSecret(String key) {
        return SECRET_KEY.matcher(key.toLowerCase(Locale.ROOT)).find();
    }

    /** The value as it may be shown: secrets masked, credentials inside URLs masked. */
    static String shown(String key, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        if (isSecret(key)) {
            return MASK;
        }
        String v = SECRET_PARAM.matcher(value).replaceAll("$1" + MASK);
        return URL_USER_INFO.matcher(v).replaceAll("$1" + MASK + "@");
    }

    /** One line per key, sorted: {@code key = value   (source)}. */
    public static String render(DxaflowConfig config) {
        Map<String, String> sorted = new TreeMap<>(config.asMap());
        int width = sorted.keySet().stream().mapToInt(String::length).max().orElse(0);
        StringBuilder sb = new StringBuilder();
        sb.append("# dxaflow configuration in effect: key = value   (where it came from)\n");
        sb.append("# precedence: -D system property > environment DXAFLOW_* > ")
                .append(config.get(DxaflowConfig.CONF_DIR, "./conf")).append("/application.properties > built-in\n");
        sorted.forEach((key, value) -> sb.append(String.format("%-" + width + "s = %s   (%s)%n", key,
                shown(key, value), config.source(key))));
        for (String w : warnings(config)) {
            sb.append("# WARNING: ").append(w).append('\n');
        }
        return sb.toString();
    }

    /** What an operator should change before going live; logged at start-up and printed by {@code config}. */
    public static List<String> warnings(DxaflowConfig config) {
        List<String> out = new ArrayList<>();
        String root = config.get(UidGenerator.CONFIG_KEY, UidGenerator.DEFAULT_ROOT).trim();
        if (root.equals(UidGenerator.DEFAULT_ROOT)) {
            out.add(UidGenerator.CONFIG_KEY + " is the shipped placeholder " + UidGenerator.DEFAULT_ROOT
                    + ": every UID this engine makes uses it; register your organisation's own root and set it"
                    + " (override with " + DxaflowConfig.envName(UidGenerator.CONFIG_KEY) + ")");
        }
        return out;
    }
}
