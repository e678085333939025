package org.dxaflow.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every package that reads conf uses this one; if it imported any of them there would be a loop. */
class ConfIsALeafTest {

    @Test
    void confImportsNothingElseFromDxaflow() throws IOException {
        List<Path> sources;
        try (Stream<Path> s = Files.list(Path.of("src/main/java/org/dxaflow/conf"))) {
            sources = s.filter(p -> p.toString().endsWith(".java")).toList();
        }
        assertFalse(sources.isEmpty());
        List<String> imports = sources.stream().flatMap(ConfIsALeafTest::lines)
                .filter(l -> l.startsWith("import org.dxaflow.") && !l.startsWith("import org.dxaflow.conf."))
                .toList();

        assertEquals(List.of(), imports);
    }

    private static Stream<String> lines(Path p) {
        try {
            return Files.readAllLines(p).stream().map(String::trim);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
