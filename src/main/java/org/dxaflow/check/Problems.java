package org.dxaflow.check;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.dxaflow.conf.ConfException;

/**
 * Runs one loader and turns what it throws into {@code file:line: message} lines: a
 * {@link ConfException} already carries them (every problem of its files, not just the first);
 * anything else is named against the file or directory the loader was given, since it says no line.
 */
final class Problems {

    private Problems() {
    }

    /** The loaded value, or null with the problems added to {@code out}. */
    static <T> T load(Path what, Supplier<T> loader, List<String> out) {
        try {
            return loader.get();
        } catch (ConfException e) {
            out.addAll(e.problems());
        } catch (RuntimeException e) {
            out.add(what + ": " + message(e));
        }
        return null;
    }

    /** The problems a loader reports; empty when it loads. */
    static List<String> of(Path what, Supplier<?> loader) {
        List<String> out = new ArrayList<>();
        load(what, loader, out);
        return out;
    }

    /** The innermost message that says something, first line only (some libraries append a snippet). */
    static String message(Throwable e) {
        String m = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                m = t.getMessage();
                break;
            }
        }
        if (m == null) {
            return e.getClass().getSimpleName();
        }
        return m.lines().findFirst().orElse(m).strip();
    }
}
