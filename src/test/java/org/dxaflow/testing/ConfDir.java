package org.dxaflow.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A scratch copy of {@code conf/} (or {@code mappings/}) an engine can be pointed at and a test may edit. */
public final class ConfDir {

    private final Path dir;

    private ConfDir(Path dir) {
        this.dir = dir;
    }

    public static ConfDir copyOfShipped(Path target) {
        return copyOf(Path.of("conf"), target);
    }

    /** A scratch copy of another shipped directory, e.g. {@code mappings/}. */
    public static ConfDir copyOf(Path source, Path target) {
        try (Stream<Path> all = Files.walk(source)) {
            for (Path p : all.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ConfDir(target);
    }

    public Path path() {
        return dir;
    }

    /** The entitled referrers of the referral case suite (G8123456, C4455667). */
    public ConfDir withCaseReferrers() {
        try {
            Files.copy(ReferralCase.DIR.resolve("referrers.yaml"), dir.resolve("justification/referrers.yaml"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Replaces text that must occur exactly once in a file under the conf dir. */
    public ConfDir replace(String file, String from, String to) {
        Path p = dir.resolve(file);
        try {
            String text = Files.readString(p);
            if (text.indexOf(from) < 0 || text.indexOf(from) != text.lastIndexOf(from)) {
                throw new AssertionError("'" + from + "' must occur exactly once in " + p);
            }
            Files.writeString(p, text.replace(from, to));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }
}
