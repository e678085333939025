package org.dxaflow.conf;

import java.nio.file.Path;

/**
 * Where a YAML value starts, so a configuration problem points at {@code file:line:column}. Line 0
 * means the file as a whole (not found, unreadable).
 */
public record Location(String file, int line, int column) {

    /** The file as a whole. */
    public static Location of(Path file) {
        return new Location(file.toString(), 0, 0);
    }

    /**
     * {@code name.yaml:line}, without directory or column: how a clinical basis cites the value it
     * rests on, the same on every installation wherever its conf directory is.
     */
    public String shortForm() {
        Path name = Path.of(file).getFileName();
        return (name == null ? file : name.toString()) + (line > 0 ? ":" + line : "");
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
