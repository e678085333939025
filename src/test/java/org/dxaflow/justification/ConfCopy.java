package org.dxaflow.justification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A scratch copy of conf/justification that a test may edit, plus line lookups for file:line checks. */
final class ConfCopy {

    static final Path SHIPPED = Path.of("conf/justification");
    final Path dir;

    ConfCopy(Path tempDir) {
        this.dir = tempDir;
        try {
            Files.createDirectories(dir);
            for (String name : List.of(RuleSetLoader.RULES_FILE, RuleSetLoader.REFERRERS_FILE)) {
                Files.copy(SHIPPED.resolve(name), dir.resolve(name));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path rules() {
        return dir.resolve(RuleSetLoader.RULES_FILE);
    }

    Path referrers() {
        return dir.resolve(RuleSetLoader.REFERRERS_FILE);
    }

    /** Replaces exactly one occurrence of {@code from} in {@code file}; fails if it is not there once. */
    ConfCopy replace(Path file, String from, String to) {
        try {
            String text = Files.readString(file);
            assertTrue(text.indexOf(from) >= 0 && text.indexOf(from) == text.lastIndexOf(from),
                    "'" + from + "' must occur exactly once in " + file);
            Files.writeString(file, text.replace(from, to));
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** 1-based number of the first line of {@code file} containing {@code fragment}. */
    static int lineOf(Path file, String fragment) {
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(fragment)) {
                    return i + 1;
                }
            }
            throw new AssertionError("'" + fragment + "' not in " + file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RuleSet load() {
        return new RuleSetLoader().load(dir);
    }
}
